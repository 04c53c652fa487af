// The few static labels of the panel frame. The content script gets them from the background in the
// user's language (so it carries no string tables of its own); English is the fallback.
export const FRAME_LABEL_KEYS = [
  'panelRegion',
  'panelMoveHint',
  'panelDockLeft',
  'panelDockRight',
  'panelCollapse',
  'panelExpand',
  'panelHide',
  'panelFrameTitle',
  'panelResize',
] as const;
export type FrameLabelKey = (typeof FRAME_LABEL_KEYS)[number];
export type FrameLabels = Record<FrameLabelKey, string>;
