import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { resetAppStore, useAppStore } from '../../src/state/store';
import { EmbedControl } from '../../src/features/embed/EmbedControl';

function generatedIframe(): HTMLIFrameElement {
  const code = (screen.getByRole('textbox', { name: 'Code à copier' }) as HTMLTextAreaElement).value;
  // Parsed the way a partner's page reads it (an inert document: nothing loads or runs).
  const iframe = new DOMParser().parseFromString(code, 'text/html').querySelector('iframe');
  expect(iframe).not.toBeNull();
  return iframe as HTMLIFrameElement;
}

describe('EmbedControl', () => {
  beforeEach(() => {
    resetAppStore();
    window.history.replaceState(null, '', '/carte/?themes=mobilite#7/48.1/5.1');
    useAppStore.getState().setFilters({ themes: ['mobilite', 'tiers-lieux'], departments: ['52'] });
  });

  it('opens « Intégrer cette carte » with iframe code for the current filters and camera', async () => {
    render(<EmbedControl />);
    await userEvent.click(screen.getByRole('button', { name: /Intégrer/ }));
    expect(screen.getByRole('dialog', { name: 'Intégrer cette carte' })).toBeInTheDocument();
    const iframe = generatedIframe();
    const src = new URL(iframe.getAttribute('src') ?? '');
    expect(src.pathname).toBe('/carte/');
    expect(src.searchParams.get('themes')).toBe('mobilite,tiers-lieux');
    expect(src.searchParams.get('dep')).toBe('52');
    expect(src.searchParams.get('embed')).toBe('1');
    expect(src.hash).toBe('#7/48.1/5.1');
    expect(iframe.title).toMatch(/Carte ESS/);
    expect(iframe.getAttribute('loading')).toBe('lazy');
    expect(iframe.getAttribute('sandbox')).toContain('allow-downloads');
  });

  it('follows the filters when they change while the dialog is open', async () => {
    render(<EmbedControl />);
    await userEvent.click(screen.getByRole('button', { name: /Intégrer/ }));
    useAppStore.getState().setFilters({ themes: ['alimentation'] });
    expect(await screen.findByDisplayValue(/themes=alimentation&/)).toBeInTheDocument();
  });

  it('reflects the height, panel, camera and title options in the code', async () => {
    render(<EmbedControl />);
    await userEvent.click(screen.getByRole('button', { name: /Intégrer/ }));
    const height = screen.getByRole('spinbutton', { name: /Hauteur/ });
    await userEvent.clear(height);
    await userEvent.type(height, '480');
    await userEvent.click(screen.getByRole('radio', { name: /verrouillés/ }));
    await userEvent.click(screen.getByRole('checkbox', { name: /cadrage actuel/ }));
    const title = screen.getByRole('textbox', { name: /Titre du cadre/ });
    await userEvent.clear(title);
    await userEvent.type(title, 'Mobilité en "Haute-Marne" <test>');
    const iframe = generatedIframe();
    expect(iframe.getAttribute('height')).toBe('480');
    expect(iframe.style.height).toBe('480px');
    const src = new URL(iframe.getAttribute('src') ?? '');
    expect(src.searchParams.get('lock')).toBe('1');
    expect(src.hash).toBe('');
    expect(iframe.title).toBe('Mobilité en "Haute-Marne" <test>');
    await userEvent.click(screen.getByRole('radio', { name: /Affiché/ }));
    expect(new URL(generatedIframe().getAttribute('src') ?? '').searchParams.get('filters')).toBe('open');
  });

  it('closes with Escape and gives the focus back to the button', async () => {
    render(<EmbedControl />);
    const button = screen.getByRole('button', { name: /Intégrer/ });
    await userEvent.click(button);
    const dialog = screen.getByRole('dialog', { name: 'Intégrer cette carte' });
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('keeps the keyboard focus inside the dialog', async () => {
    render(<EmbedControl />);
    await userEvent.click(screen.getByRole('button', { name: /Intégrer/ }));
    const dialog = screen.getByRole('dialog', { name: 'Intégrer cette carte' });
    const close = within(dialog).getByRole('button', { name: 'Fermer' });
    close.focus();
    await userEvent.tab();
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    await userEvent.tab({ shift: true });
    expect(close).toHaveFocus();
  });

  it('selects the code for a manual copy when the clipboard is not available', async () => {
    render(<EmbedControl />);
    await userEvent.click(screen.getByRole('button', { name: /Intégrer/ }));
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new Error('denied')) } });
    await userEvent.click(screen.getByRole('button', { name: 'Copier le code' }));
    const textarea = screen.getByRole('textbox', { name: 'Code à copier' }) as HTMLTextAreaElement;
    expect(textarea).toHaveFocus();
    expect(textarea.selectionEnd - textarea.selectionStart).toBe(textarea.value.length);
    expect(screen.getByText(/Ctrl\+C/)).toBeInTheDocument();
  });
});
