import { describe, expect, it } from 'vitest';
import { spreadsheetRows, SHEET_COLUMNS } from '../../../src/domain/spreadsheet-export';
import type { Initiative } from '../../../src/domain/initiative';

const garage: Initiative = {
  id: 'garage', name: 'Garage solidaire', themes: ['mobilite'], territory: 'rural', commune: 'Die', insee: '26113', department: '26',
  description: '', source: '', website: '', legalForm: '', longitude: 5.37, latitude: 44.75, approximate: false,
  address: '12 avenue de la Clairette', email: 'contact@garage.fr', phone: '+33475000000', openingHours: 'Mo-Fr 09:00-18:00',
  siret: '13002526500013', verifiedAt: '2025-03-15',
};

describe('Excel export of the facts people can act on', () => {
  it('has a text cell for each, the phone in its French form and the SIRET grouped, as in the CSV', () => {
    const [header, row] = spreadsheetRows([garage, { ...garage, id: 'sans', address: undefined, phone: undefined }], [0, 1]);
    const cell = (cells: typeof row, name: string) => cells?.[SHEET_COLUMNS.indexOf(name)];
    expect(header?.map((item) => item.value)).toEqual([...SHEET_COLUMNS]);
    expect(cell(row, 'adresse')).toEqual({ type: 'text', value: '12 avenue de la Clairette' });
    expect(cell(row, 'e-mail')).toEqual({ type: 'text', value: 'contact@garage.fr' });
    expect(cell(row, 'téléphone')).toEqual({ type: 'text', value: '04 75 00 00 00' });
    expect(cell(row, 'horaires')).toEqual({ type: 'text', value: 'Mo-Fr 09:00-18:00' });
    expect(cell(row, 'SIRET')).toEqual({ type: 'text', value: '130 025 265 00013' });
    expect(cell(row, 'vérifié en')).toEqual({ type: 'text', value: '2025-03-15' });
    const other = spreadsheetRows([garage, { ...garage, id: 'sans', address: undefined, phone: undefined }], [1])[1];
    expect(cell(other, 'adresse')).toEqual({ type: 'text', value: '' });
    expect(cell(other, 'téléphone')).toEqual({ type: 'text', value: '' });
  });
});
