/** A figure that threw: reported with its reason while the run goes on. */
export type Failed = { error: string };

export const failed = (figure: object): figure is Failed => "error" in figure;
