import type { Initiative } from '../../domain/initiative';
import { safeExternalUrl } from '../../domain/links';
import { checkEmail, emailHref } from '../../domain/email';
import { formatPhone, phoneHref } from '../../domain/phone';
import { formatSiret, isValidSiret, siretDirectoryUrl } from '../../domain/siret';
import { describeVerification } from '../../domain/verification-date';
import { directionsUrl, geoUri, placeQuery } from '../../domain/address';
import { useOpeningHours, type OpeningHoursView } from './use-opening-hours';

const E164 = /^\+[1-9][0-9]{7,14}$/;

/** Phones (a coarse pointer) get the geo: link that opens their maps app. */
function isPhone(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(pointer: coarse)').matches;
}

function OpeningHours({ view, raw }: { view: OpeningHoursView; raw: string }) {
  if (view.status === 'loading') return <span className="details-hours-loading">Chargement des horaires…</span>;
  if (view.status === 'raw') return <span lang="en">{raw}</span>;
  const { now } = view;
  return (
    <>
      {now && (
        <p className={now.open ? 'details-open' : 'details-closed'}>
          {now.open ? 'Ouvert maintenant' : 'Fermé actuellement'}
          {now.comment ? ` (${now.comment})` : ''}
        </p>
      )}
      <ul className="details-hours">
        {view.lines.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
    </>
  );
}

function Address({ initiative, address }: { initiative: Initiative; address: string }) {
  const query = placeQuery(address, initiative.commune);
  return (
    <>
      <span className="details-address">{address}</span>
      <span className="details-point-note">Sur la carte : position approximative (commune)</span>
      <span className="details-go">
        <a href={directionsUrl(query)} target="_blank" rel="noopener noreferrer">
          Y aller<span className="visually-hidden"> : itinéraire vers {address} sur OpenStreetMap (nouvel onglet)</span>
        </a>
        {isPhone() && <a href={geoUri(query)}>Ouvrir dans l’application de cartes</a>}
      </span>
    </>
  );
}

/**
 * Address, phone, e-mail, hours and SIRET of an initiative, and when they were checked.
 * Each appears only when the initiative has it: no label stands alone.
 */
export function ContactDetails({ initiative, today = new Date() }: { initiative: Initiative; today?: Date }) {
  const { address, phone, email, openingHours, verifiedAt } = initiative;
  const hours = useOpeningHours(initiative);
  // The pipeline checked these, but a GeoJSON may come from elsewhere (config dataUrl): each
  // is checked again, and links go through the same gate as every link of the data.
  const mailto = email && checkEmail(email).ok ? safeExternalUrl(emailHref(email)) : null;
  const tel = phone && E164.test(phone) ? safeExternalUrl(phoneHref(phone)) : null;
  const siret = initiative.siret && isValidSiret(initiative.siret) ? initiative.siret : undefined;
  const verification = verifiedAt ? describeVerification(verifiedAt, today) : null;
  const hasFacts = Boolean(address || mailto || tel || (hours && openingHours) || siret);
  if (!hasFacts && !verification) return null;
  return (
    <>
      {hasFacts && (
        <dl className="details-facts details-contact">
          {address && (
            <>
              <dt>Adresse</dt>
              <dd className="details-address-block">
                <Address initiative={initiative} address={address} />
              </dd>
            </>
          )}
          {tel && phone && (
            <>
              <dt>Téléphone</dt>
              <dd>
                <a href={tel}>{formatPhone(phone)}</a>
              </dd>
            </>
          )}
          {mailto && email && (
            <>
              <dt>E-mail</dt>
              <dd>
                <a href={mailto}>{email}</a>
              </dd>
            </>
          )}
          {hours && openingHours && (
            <>
              <dt>Horaires</dt>
              <dd>
                <OpeningHours view={hours} raw={openingHours} />
              </dd>
            </>
          )}
          {siret && (
            <>
              <dt>SIRET</dt>
              <dd>
                <a href={siretDirectoryUrl(siret)} target="_blank" rel="noopener noreferrer">
                  {formatSiret(siret)}
                  <span className="visually-hidden"> : fiche de l’annuaire des entreprises (nouvel onglet)</span>
                </a>
              </dd>
            </>
          )}
        </dl>
      )}
      {verification && (
        <p className="details-verified">
          {verification.text}
          {verification.stale && <span className="details-stale"> — à revérifier</span>}
        </p>
      )}
    </>
  );
}
