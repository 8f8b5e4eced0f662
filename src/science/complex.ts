/** A complex number as a plain record; science/ keeps to plain data so results cross worker boundaries. */
export interface Complex {
  re: number;
  im: number;
}

export const complex = (re: number, im = 0): Complex => ({ re, im });

export const cabs = (c: Complex): number => Math.hypot(c.re, c.im);

export const carg = (c: Complex): number => Math.atan2(c.im, c.re);

export const cadd = (x: Complex, y: Complex): Complex => ({ re: x.re + y.re, im: x.im + y.im });

export const csub = (x: Complex, y: Complex): Complex => ({ re: x.re - y.re, im: x.im - y.im });

export const cmul = (x: Complex, y: Complex): Complex => ({
  re: x.re * y.re - x.im * y.im,
  im: x.re * y.im + x.im * y.re,
});

export const cdiv = (x: Complex, y: Complex): Complex => {
  const d = y.re * y.re + y.im * y.im;
  return { re: (x.re * y.re + x.im * y.im) / d, im: (x.im * y.re - x.re * y.im) / d };
};

export const cconj = (c: Complex): Complex => ({ re: c.re, im: -c.im });
