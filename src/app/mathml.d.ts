/**
 * MathML elements for JSX: React renders them in the MathML namespace, Chromium lays them out
 * natively (offline, no script), but @types/react does not declare them.
 */
import 'react';

type MathProps = React.HTMLAttributes<HTMLElement> & { display?: 'block' | 'inline' };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      math: MathProps;
      mrow: MathProps;
      mi: MathProps & { mathvariant?: string };
      mn: MathProps;
      mo: MathProps & { stretchy?: string };
      mtext: MathProps;
      msub: MathProps;
      msup: MathProps;
      msubsup: MathProps;
      mfrac: MathProps;
      mspace: MathProps & { width?: string };
      msqrt: MathProps;
      munder: MathProps;
      munderover: MathProps;
    }
  }
}
