// Discord's limits, in one place: what render.ts and modal.ts fit every payload into.
export const LIMITS = {
  content: 2000,
  embedDescription: 4096,
  embedsTotal: 6000,
  buttonsPerRow: 5,
  rows: 5,
  buttonLabel: 80,
  customId: 100,
  modalTitle: 45,
  modalComponents: 5,
  inputLabel: 45,
  labelDescription: 100,
  placeholder: 100,
  inputLength: 4000,
  linkUrl: 512,
} as const;
