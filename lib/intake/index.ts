/** Pure helpers of the Complaint Intake trigger: signatures, payload validation, idempotency. */
export {
	signPayload,
	verifySignature,
	type SignatureCheck,
	type SignatureRefusal,
	type SignedRequest,
} from './signature';
export {
	parseComplaintPayload,
	type FieldProblem,
	type IntakeComplaint,
	type PayloadCheck,
	type PayloadLimits,
} from './payload';
export { caseIdFor, rememberMessage, type Remembered, type SeenIds } from './idempotency';
