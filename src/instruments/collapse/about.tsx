/** First contact with the collapse view: features and classifiers converging to a simplex ETF. */
import type { About } from '../instrument';

export const collapseAbout: About = {
  what: (
    <>
      Late in training, the last-layer features of each class collapse to their class mean, and the
      centred means and the classifier rows line up as a simplex equiangular tight frame: equal
      lengths, and every pair at the same angle,
      <math
        display="block"
        aria-label="cosine of mu k and mu k prime equals minus one over K minus one"
      >
        <mrow>
          <mi>cos</mi>
          <mo>(</mo>
          <msub>
            <mi>μ</mi>
            <mi>k</mi>
          </msub>
          <mo>,</mo>
          <msub>
            <mi>μ</mi>
            <mrow>
              <mi>k</mi>
              <mo>′</mo>
            </mrow>
          </msub>
          <mo>)</mo>
          <mo>=</mo>
          <mo>−</mo>
          <mfrac>
            <mn>1</mn>
            <mrow>
              <mi>K</mi>
              <mo>−</mo>
              <mn>1</mn>
            </mrow>
          </mfrac>
        </mrow>
      </math>
      Here free features (the unconstrained-features model) are trained with weight decay; NC1
      (within-class spread), NC2 (distance to the ETF), NC3 (classifier ∥ means) and NC4 (nearest
      mean = prediction) fall towards zero. With imbalanced classes and MSE the frame becomes
      orthogonal instead.
    </>
  ),
  paper: {
    title: 'Papyan, Han, Donoho, Prevalence of neural collapse (arXiv:2008.08186)',
    href: 'https://arxiv.org/abs/2008.08186',
  },
  presets: [
    { label: 'balanced classes, CE: a simplex ETF', query: '?view=collapse' },
    { label: 'the same with MSE', query: '?view=collapse&loss=mse' },
    {
      label: 'imbalanced MSE: an orthogonal frame, not an ETF',
      query: '?view=collapse&loss=mse&counts=40,10,5&lam-w=0.01&lam-h=0.01&step=300',
    },
  ],
};
