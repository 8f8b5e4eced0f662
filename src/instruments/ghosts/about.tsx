/** First contact with the ghosts view: F(t), its zeros, and three steps a lecturer can show. */
import type { About } from '../instrument';

export const ghostsAbout: About = {
  what: (
    <>
      A training step moves the logits along a line, z + t·a, and the loss along it is log F(t) − z
      <sub>y</sub> − a<sub>y</sub>t with the partition function{' '}
      <math display="block" aria-label="F of t equals the sum over k of e to the z k plus t a k">
        <mrow>
          <mi>F</mi>
          <mo>(</mo>
          <mi>t</mi>
          <mo>)</mo>
          <mo>=</mo>
          <munder>
            <mo>∑</mo>
            <mi>k</mi>
          </munder>
          <msup>
            <mi>e</mi>
            <mrow>
              <msub>
                <mi>z</mi>
                <mi>k</mi>
              </msub>
              <mo>+</mo>
              <mi>t</mi>
              <msub>
                <mi>a</mi>
                <mi>k</mi>
              </msub>
            </mrow>
          </msup>
          <mo>,</mo>
          <mspace width="1em" />
          <msub>
            <mi>ρ</mi>
            <mi>a</mi>
          </msub>
          <mo>=</mo>
          <mfrac>
            <mi>π</mi>
            <msub>
              <mi>Δ</mi>
              <mi>a</mi>
            </msub>
          </mfrac>
        </mrow>
      </math>
      The plane shows F over complex steps t: its zeros (the “ghosts”) are where the loss stops
      being analytic, and the nearest one, at distance ρ*, limits any Taylor view of the step. No
      zero lies closer than ρ<sub>a</sub> = π/Δ<sub>a</sub> (Δ<sub>a</sub> = max a − min a), so a
      step τ with r = τ/ρ<sub>a</sub> &lt; 1 is certified safe; past ρ* the step can overshoot.
    </>
  ),
  paper: {
    title: 'Sao, Ghosts of Softmax (arXiv:2603.13552)',
    href: 'https://arxiv.org/abs/2603.13552',
  },
  presets: [
    { label: 'a safe step (r = 0.5)', query: '?view=ghosts&r=0.5' },
    { label: 'a step past ρₐ but inside ρ*', query: '?view=ghosts&tau=1.4' },
    { label: 'the spike: a learning-rate spike, three guards', query: '?view=ghosts&mode=spike' },
  ],
};
