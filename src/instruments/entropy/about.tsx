/** First contact with the entropy view: entropy collapse, its law, and the covariance behind it. */
import type { About } from '../instrument';

export const entropyAbout: About = {
  what: (
    <>
      Many softmax policies are trained in parallel with policy gradient. As reward R rises, the
      policy entropy H collapses, and R follows H along a fitted law; the entropy change of a step
      is the covariance between an action&apos;s log-probability and its logit change:
      <math
        display="block"
        aria-label="R equals minus a e to the H plus b; delta H is about minus eta times the covariance of log pi and pi A"
      >
        <mrow>
          <mi>R</mi>
          <mo>=</mo>
          <mo>−</mo>
          <mi>a</mi>
          <msup>
            <mi>e</mi>
            <mi>H</mi>
          </msup>
          <mo>+</mo>
          <mi>b</mi>
          <mo>,</mo>
          <mspace width="1em" />
          <mi>Δ</mi>
          <mi>H</mi>
          <mo>≈</mo>
          <mo>−</mo>
          <mi>η</mi>
          <mspace width="1em" />
          <mi>Cov</mi>
          <mo>(</mo>
          <mi>log</mi>
          <mi>π</mi>
          <mo>,</mo>
          <mi>π</mi>
          <mi>A</mi>
          <mo>)</mo>
        </mrow>
      </math>
      Confident, rewarded actions lower the entropy, so without a counterweight exploration is spent
      early and the reward ceiling −a + b is reached at H = 0. Clip-Cov and KL-Cov act on the tokens
      with the largest covariance and keep entropy up.
    </>
  ),
  paper: {
    title:
      'Cui et al., The Entropy Mechanism of Reinforcement Learning for Reasoning Language Models (arXiv:2505.22617)',
    href: 'https://arxiv.org/abs/2505.22617',
  },
  presets: [
    { label: 'entropy collapse under policy gradient', query: '?view=entropy' },
    {
      label: 'Clip-Cov: detach high-covariance tokens',
      query: '?view=entropy&alg=grpo&method=clip-cov&clip-r=0.1&w-low=0.05',
    },
    {
      label: 'KL-Cov: penalise high-covariance tokens',
      query: '?view=entropy&method=kl-cov&kl-k=0.2',
    },
  ],
};
