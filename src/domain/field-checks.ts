/**
 * The checks of the optional columns (CONTRACT §2), by the name initiative.ts gives them.
 * Apart from initiative.ts because the opening-hours check carries the whole opening_hours
 * grammar (about 160 kB gzipped): the pipeline imports this, the app's shell never does.
 */
import { checkAddress } from './address';
import { checkEmail } from './email';
import type { FieldCheck } from './field-check';
import type { FieldCheckName } from './initiative';
import { checkOpeningHours } from './opening-hours';
import { checkPhone } from './phone';
import { checkSiret } from './siret';
import { checkVerificationDate } from './verification-date';

export const FIELD_CHECKS: Readonly<Record<FieldCheckName, (raw: string) => FieldCheck>> = {
  address: checkAddress,
  email: checkEmail,
  phone: checkPhone,
  'opening-hours': checkOpeningHours,
  siret: checkSiret,
  'verification-date': (raw) => checkVerificationDate(raw),
};
