import { usePlans } from '../../api/plans';

/** The platform ships one plan; the first one listed is the one every page works on. */
export function useCurrentPlan() {
  const plans = usePlans();
  return { plan: plans.data?.items[0], isPending: plans.isPending, error: plans.error };
}
