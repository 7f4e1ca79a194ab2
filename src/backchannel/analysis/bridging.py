"""Bridging support: a one-factor matrix factorisation in the manner of Community Notes.

Each rating is modelled as

    r_uo ~ mu + b_u + b_o + f_u * f_o

where ``mu`` is the global intercept, ``b_u`` how generous rater ``u`` is, ``b_o`` option
``o``'s intercept, and ``f_u * f_o`` the part of the rating explained by a single hidden
viewpoint axis (the rater's place on it times the option's). An option loved by one camp and
disliked by the other is explained by the factor term; an option liked across the axis can
only be explained by its intercept. The intercept ``b_o`` is the bridging score.

As in Community Notes (Wojcik et al., "Birdwatch: Crowd Wisdom and Bridging Algorithms can
Inform Understanding and Reduce the Spread of Misinformation", 2022, and the open-source
scorer's ``matrix_factorization.py``) the model is fitted on ratings scaled to 0..1 by
minimising the mean squared error plus, for each group of parameters, a weight times the
mean of their squares; the weight is five times heavier on the intercepts
(``lambda_i = 0.15``, ``mu`` included) than on the factors (``lambda_f = 0.03``). The model
prefers to explain agreement by viewpoint, so only support that the viewpoint cannot explain
shows up in the intercept.

The fit is alternating least squares: with the option side fixed, each rater's
``(b_u, f_u)`` is a 2x2 ridge regression, solved for all raters at once from sums gathered
with ``np.bincount``; then the same for options; then ``mu`` in closed form. The ratings stay
as three index arrays, never a dense matrix. Party labels are not used.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from backchannel.domain.errors import BadInputError
from backchannel.domain.options import Rating

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.intp]

SCORE_LOW = -2
SCORE_HIGH = 2
_SPAN = float(SCORE_HIGH - SCORE_LOW)


@dataclass(frozen=True, slots=True)
class BridgingParams:
    """Settings of the fit. The defaults are those of Community Notes."""

    intercept_lambda: float = 0.15
    factor_lambda: float = 0.03
    max_iterations: int = 500
    tolerance: float = 1e-9
    seed: int = 0

    def __post_init__(self) -> None:
        if self.intercept_lambda <= 0 or self.factor_lambda <= 0:
            raise BadInputError("the regularisation weights must be above zero", field="lambda")
        if self.max_iterations < 1:
            raise BadInputError("at least one iteration is needed", field="max_iterations")


@dataclass(frozen=True, slots=True)
class ArrayFit:
    """The fitted model on the 0..1 scale, indexed like the input arrays."""

    global_intercept: float
    option_intercepts: FloatArray
    option_factors: FloatArray
    rater_intercepts: FloatArray
    rater_factors: FloatArray
    iterations: int
    converged: bool
    loss: float


@dataclass(frozen=True, slots=True)
class BridgingFit:
    """Per option: its intercept (the bridging score) and its place on the viewpoint axis.

    Intercepts are in score points (a step of the -2..+2 scale): how well an option is
    rated once each rater's generosity and viewpoint are accounted for. Compare them between
    options of one fit; they are not means on the -2..+2 scale. Factors are signed so that
    most raters sit on the negative side of the axis (as in Community Notes): an option with
    a large positive factor appeals to the smaller camp, a large negative one to the larger.
    """

    options: tuple[str, ...]
    intercepts: tuple[float, ...]
    factors: tuple[float, ...]
    global_mean: float
    raters: int
    ratings: int
    iterations: int
    converged: bool

    def intercept_of(self) -> dict[str, float]:
        return dict(zip(self.options, self.intercepts, strict=True))


def _ridge_2x2(
    groups: IntArray,
    n_groups: int,
    target: FloatArray,
    other_factor: FloatArray,
    lambda_i: float,
    lambda_f: float,
) -> tuple[FloatArray, FloatArray]:
    """For each group g, the (b, f) minimising sum (target - b - f*x)^2 + li*b^2 + lf*f^2."""
    x = other_factor
    count = np.bincount(groups, minlength=n_groups).astype(np.float64)
    sx = np.bincount(groups, weights=x, minlength=n_groups)
    sxx = np.bincount(groups, weights=x * x, minlength=n_groups)
    st = np.bincount(groups, weights=target, minlength=n_groups)
    stx = np.bincount(groups, weights=target * x, minlength=n_groups)
    a11 = count + lambda_i
    a22 = sxx + lambda_f
    det = a11 * a22 - sx * sx
    intercept = (st * a22 - sx * stx) / det
    factor = (a11 * stx - sx * st) / det
    return intercept, factor


def fit_arrays(
    option_index: IntArray,
    rater_index: IntArray,
    scores: FloatArray,
    n_options: int,
    n_raters: int,
    params: BridgingParams | None = None,
) -> ArrayFit:
    """Fit the model to ratings given as three parallel arrays (scores on the -2..+2 scale)."""
    p = params or BridgingParams()
    if not (len(option_index) == len(rater_index) == len(scores)):
        raise ValueError("option_index, rater_index and scores must have the same length")
    if len(scores) == 0:
        raise BadInputError("there are no ratings to fit", field="score")
    y = (np.asarray(scores, dtype=np.float64) - SCORE_LOW) / _SPAN
    o = np.asarray(option_index, dtype=np.intp)
    u = np.asarray(rater_index, dtype=np.intp)
    if o.min() < 0 or o.max() >= n_options or u.min() < 0 or u.max() >= n_raters:
        raise ValueError("an option or rater index is outside 0..n_options or 0..n_raters")
    n = float(len(y))
    # Community Notes penalises the mean square of each parameter group against the mean
    # squared error; on sums that is a weight per group scaled by ratings per member.
    li_u = p.intercept_lambda * n / n_raters
    lf_u = p.factor_lambda * n / n_raters
    li_o = p.intercept_lambda * n / n_options
    lf_o = p.factor_lambda * n / n_options
    li_mu = p.intercept_lambda * n

    rng = np.random.default_rng(p.seed)
    # Small random factors break the symmetry (all-zero factors are a fixed point of ALS).
    f_u = rng.normal(0.0, 0.1, n_raters)
    f_o = rng.normal(0.0, 0.1, n_options)
    b_u = np.zeros(n_raters)
    b_o = np.zeros(n_options)
    mu = float(y.mean()) * n / (n + li_mu)

    def loss_now() -> float:
        err = y - mu - b_u[u] - b_o[o] - f_u[u] * f_o[o]
        penalty = li_u * float(b_u @ b_u) + li_o * float(b_o @ b_o) + li_mu * mu * mu
        penalty += lf_u * float(f_u @ f_u) + lf_o * float(f_o @ f_o)
        return float(err @ err) + penalty

    previous = loss_now()
    loss = previous
    converged = False
    iterations = 0
    for iterations in range(1, p.max_iterations + 1):  # noqa: B007 (reported after the loop)
        b_u, f_u = _ridge_2x2(u, n_raters, y - mu - b_o[o], f_o[o], li_u, lf_u)
        b_o, f_o = _ridge_2x2(o, n_options, y - mu - b_u[u], f_u[u], li_o, lf_o)
        mu = float(np.sum(y - b_u[u] - b_o[o] - f_u[u] * f_o[o])) / (n + li_mu)
        loss = loss_now()
        if previous - loss <= p.tolerance * max(loss, 1e-12):
            converged = True
            break
        previous = loss
    return ArrayFit(
        global_intercept=mu,
        option_intercepts=b_o,
        option_factors=f_o,
        rater_intercepts=b_u,
        rater_factors=f_u,
        iterations=iterations,
        converged=converged,
        loss=loss,
    )


def fit_bridging(ratings: Sequence[Rating], params: BridgingParams | None = None) -> BridgingFit:
    """Bridging scores for every rated option, from ratings alone (party labels unused)."""
    if not ratings:
        raise BadInputError("there are no ratings to fit", field="score")
    options = sorted({r.option for r in ratings})
    raters = sorted({r.rater for r in ratings})
    option_pos = {name: i for i, name in enumerate(options)}
    rater_pos = {name: i for i, name in enumerate(raters)}
    option_index = np.fromiter((option_pos[r.option] for r in ratings), np.intp, len(ratings))
    rater_index = np.fromiter((rater_pos[r.rater] for r in ratings), np.intp, len(ratings))
    scores = np.fromiter((r.score for r in ratings), np.float64, len(ratings))
    # A canonical order, so the sums (and so the result) do not depend on the file's order.
    order = np.lexsort((option_index, rater_index))
    fit = fit_arrays(
        option_index[order], rater_index[order], scores[order], len(options), len(raters), params
    )
    # Back from the 0..1 scale to score points. The sign of the viewpoint axis is arbitrary;
    # as in Community Notes, flip it so that most raters sit on its negative side.
    factors = fit.option_factors
    rater_factors = fit.rater_factors[fit.rater_factors != 0]
    if np.count_nonzero(rater_factors < 0) * 2 < rater_factors.size:
        factors = -factors
    return BridgingFit(
        options=tuple(options),
        intercepts=tuple(float(b) * _SPAN for b in fit.option_intercepts),
        factors=tuple(float(f) for f in factors),
        global_mean=fit.global_intercept * _SPAN + SCORE_LOW,
        raters=len(raters),
        ratings=len(ratings),
        iterations=fit.iterations,
        converged=fit.converged,
    )
