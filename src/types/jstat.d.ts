// jstat ships no types: the little of it this project uses (the chi-square distribution), declared here.
// jstat is CommonJS, so Node's ESM loader only offers its default export: `import jstat from 'jstat'`.
declare module 'jstat' {
  interface JStatChiSquare {
    /** P(X ≤ x) for a chi-square variable with `dof` degrees of freedom (NaN for dof 0). */
    cdf(x: number, dof: number): number;
  }
  interface JStat {
    chisquare: JStatChiSquare;
  }
  const jstat: { jStat: JStat; chisquare: JStatChiSquare };
  export default jstat;
}
