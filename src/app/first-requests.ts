// Imported first by the entry script (boot.ts), so that this runs before the rest of its chunk
// (zod, the store, the data's readers) has been evaluated: the page's first requests leave at once.
import { CONFIG_REQUEST, CONFIG_URL, DATA_URL, sendEarlyRequest } from '../state/early-requests';

sendEarlyRequest(CONFIG_URL, CONFIG_REQUEST);
sendEarlyRequest(DATA_URL);
