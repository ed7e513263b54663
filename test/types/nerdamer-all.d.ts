// nerdamer's bundle with every add-on (calculus included) has the same API as its main module.
declare module 'nerdamer/all.min.js' {
  import nerdamer from 'nerdamer';
  export default nerdamer;
}
