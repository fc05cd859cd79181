export { addDecision, createMeeting, getMeeting, listMeetings, updateMeeting, MEETING_LAYERS } from './meetings';
export { addMatter, createAgreement, getAgreement, listAgreements, listExpiringAgreements, updateAgreement, AGREEMENT_STATUSES } from './agreements';
export { addRequestTask, countRequests, createRequest, exportRequests, getRequest, listRequests, updateRequest, REQUEST_STATUSES, REQUEST_TYPES } from './national-requests';
export { applyDecisionImport, previewDecisionImport } from './import-decisions';
export { DEFAULT_ARTICLE_TITLE } from './sourced-task';
export { coordinationCockpit, EXPIRING_SOON_DAYS } from './cockpit';
