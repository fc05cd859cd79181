import type Sharp from 'sharp';

/**
 * sharp (with libvips) is loaded when an uploaded image is first checked, not at start: with nodemailer
 * (src/jobs/email.ts) ~9–18 MB of resident
 * memory in every server process, most of which never receive an image (bench/RESULTS.md, RSS with L).
 */
export async function loadSharp(): Promise<typeof Sharp> {
  return (await import('sharp')).default;
}
