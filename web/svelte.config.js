// Svelte options for the lab (and svelte-check): the defaults; TypeScript in components is native in Svelte 5.
export default {};
