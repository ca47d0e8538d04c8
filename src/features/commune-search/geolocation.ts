/** What « Autour de moi » reports: a position, or a French sentence saying why there is none. */
export type LocateResult = { ok: true; longitude: number; latitude: number } | { ok: false; message: string };

const PERMISSION_DENIED = 1;
const TIMEOUT = 3;

export const GEOLOCATION_MESSAGES = {
  unsupported: 'La géolocalisation n’est pas disponible dans ce navigateur (ou sur une page non sécurisée). Cherchez plutôt votre commune.',
  denied: 'Vous n’avez pas autorisé l’accès à votre position. Cherchez plutôt votre commune dans le champ de recherche.',
  unavailable: 'Votre position n’a pas pu être déterminée. Cherchez plutôt votre commune dans le champ de recherche.',
  timeout: 'La recherche de votre position a pris trop de temps. Réessayez, ou cherchez votre commune.',
} as const;

export function locateUser(geolocation: Geolocation | undefined = globalThis.navigator?.geolocation): Promise<LocateResult> {
  if (!geolocation) return Promise.resolve({ ok: false, message: GEOLOCATION_MESSAGES.unsupported });
  return new Promise((resolve) => {
    geolocation.getCurrentPosition(
      (position) => resolve({ ok: true, longitude: position.coords.longitude, latitude: position.coords.latitude }),
      (error) => {
        const message =
          error.code === PERMISSION_DENIED
            ? GEOLOCATION_MESSAGES.denied
            : error.code === TIMEOUT
              ? GEOLOCATION_MESSAGES.timeout
              : GEOLOCATION_MESSAGES.unavailable;
        resolve({ ok: false, message });
      },
      // A commune-level position is enough: a cached, coarse fix answers faster and drains less battery.
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 10 * 60_000 },
    );
  });
}
