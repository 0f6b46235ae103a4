/**
 * js-yaml comes with the toolchain (not a dependency of ours) and without types; the workflow test uses only `load`.
 */
declare module 'js-yaml' {
  const yaml: { load(text: string): unknown };
  export default yaml;
}
