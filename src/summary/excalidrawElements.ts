// Excalidraw elements as its own files hold them (packages/element/src/types.ts): every field
// Excalidraw writes, so a paste or a library item needs no repair. Ids are numbered per call;
// Excalidraw gives pasted and library elements new ids anyway.

export type ExcalidrawShape = ReturnType<ReturnType<typeof excalidrawFactory>['shape']>;

export function excalidrawFactory(prefix: string) {
  let n = 0;
  const shape = (type: 'rectangle' | 'ellipse' | 'frame' | 'text', x: number, y: number, width: number, height: number) => ({
    id: `${prefix}-${++n}`,
    type,
    x,
    y,
    width,
    height,
    angle: 0,
    strokeColor: '#1e1e1e',
    backgroundColor: 'transparent',
    fillStyle: 'solid',
    strokeWidth: 1,
    strokeStyle: 'solid',
    roughness: 1,
    opacity: 100,
    groupIds: [] as string[],
    frameId: null as string | null,
    roundness: null as { type: number } | null,
    seed: n * 7919,
    version: 1,
    versionNonce: n * 104729,
    isDeleted: false,
    boundElements: null as { type: string; id: string }[] | null,
    updated: 1,
    link: null,
    locked: false,
  });
  /** Text; with a container it is bound inside it (the container must list it in boundElements). */
  const text = (value: string, x: number, y: number, width: number, height: number, containerId: string | null = null, fontSize = 20) => ({
    ...shape('text', x, y, width, height),
    text: value,
    originalText: value,
    fontSize,
    fontFamily: 5,
    textAlign: containerId ? 'center' : 'left',
    verticalAlign: containerId ? 'middle' : 'top',
    containerId,
    autoResize: true,
    lineHeight: 1.25,
  });
  /** A container with its label bound inside: what Excalidraw makes when you type into a shape. */
  const labelled = (type: 'rectangle' | 'ellipse', label: string, x: number, y: number, width: number, height: number, backgroundColor = 'transparent') => {
    const box = { ...shape(type, x, y, width, height), backgroundColor, roundness: type === 'rectangle' ? { type: 3 } : null };
    const lineHeight = 25; // fontSize 20 × lineHeight 1.25
    const h = label.split('\n').length * lineHeight;
    const inner = text(label, x + 10, y + height / 2 - h / 2, width - 20, h, box.id);
    box.boundElements = [{ type: 'text', id: inner.id }];
    return [box, inner] as const;
  };
  return { shape, text, labelled };
}
