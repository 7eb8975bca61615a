// Types for the emscripten factory of @cornerstonejs/codec-openjpeg's WebAssembly decoder (the package ships none).
declare module '@cornerstonejs/codec-openjpeg/decodewasmjs' {
  const factory: (options: object) => Promise<unknown>;
  export default factory;
}
