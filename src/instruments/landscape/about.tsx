/** First contact with the landscape view: the filter-normalised 2-D slice of a trained net. */
import type { About } from '../instrument';

export const landscapeAbout: About = {
  what: (
    <>
      A small network is trained live on a 2-D toy set; the picture is its loss on a plane through
      the trained weights θ, spanned by two random directions δ and η:
      <math
        display="block"
        aria-label="f of alpha beta equals L of theta plus alpha delta plus beta eta"
      >
        <mrow>
          <mi>f</mi>
          <mo>(</mo>
          <mi>α</mi>
          <mo>,</mo>
          <mi>β</mi>
          <mo>)</mo>
          <mo>=</mo>
          <mi>L</mi>
          <mo>(</mo>
          <mi>θ</mi>
          <mo>+</mo>
          <mi>α</mi>
          <mi>δ</mi>
          <mo>+</mo>
          <mi>β</mi>
          <mi>η</mi>
          <mo>)</mo>
        </mrow>
      </math>
      Each direction is filter-normalised (every neuron&apos;s row scaled to the norm of that row of
      θ), so the width of a basin can be compared between networks; without it, the scale of the
      weights alone makes a minimum look sharp or flat. The 1-D panel interpolates between two
      checkpoints, L((1 − α)θ₀ + αθ).
    </>
  ),
  paper: {
    title:
      'Li, Xu, Taylor, Studer, Goldstein, Visualizing the Loss Landscape of Neural Nets (arXiv:1712.09913)',
    href: 'https://arxiv.org/abs/1712.09913',
  },
  presets: [
    { label: 'a trained net in its basin', query: '?view=landscape&step=300' },
    {
      label: 'the same slice without filter normalisation',
      query: '?view=landscape&step=300&norm=none',
    },
    {
      label: 'PCA directions: the training path on the surface',
      query: '?view=landscape&step=300&dirs=pca',
    },
  ],
};
