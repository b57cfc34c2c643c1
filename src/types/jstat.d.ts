/** The small part of jStat's API desksim uses (jstat ships no types). */
declare module 'jstat' {
  interface ContinuousDistribution {
    pdf(x: number, ...parameters: number[]): number;
    cdf(x: number, ...parameters: number[]): number;
    inv(p: number, ...parameters: number[]): number;
  }
  interface JStatStatic {
    studentt: ContinuousDistribution;
    normal: ContinuousDistribution;
    exponential: ContinuousDistribution;
    lognormal: ContinuousDistribution;
    gamma: ContinuousDistribution;
    weibull: ContinuousDistribution;
    chisquare: ContinuousDistribution;
    binomial: { pdf(k: number, n: number, p: number): number; cdf(k: number, n: number, p: number): number };
    mean(values: number[]): number;
    stdev(values: number[], sample?: boolean): number;
    gammap(a: number, x: number): number;
    gammaln(x: number): number;
  }
  const jStat: JStatStatic;
  export default jStat;
}
