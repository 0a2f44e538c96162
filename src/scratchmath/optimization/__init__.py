"""Optimisation: how a loss is driven downhill (layer 6).

=====================  ==================================================================
``SGD``                θ ← θ − η·g, with momentum and Nesterov's look-ahead
``AdaGrad``            per-coordinate steps shrinking with the summed squared slopes
``RMSProp``            the same with a decaying average
``Adam``               momentum and RMSProp, bias-corrected (Kingma & Ba, Algorithm 1)
=====================  ==================================================================

The optimisers work on autodiff ``Var`` parameters: ``loss.backward()`` fills their
``.grad``, ``step()`` moves their ``.value``, ``zero_grad()`` clears the gradients.

>>> from scratchmath.autodiff import Var
>>> w = Var(5.0)
>>> opt = SGD([w], lr=0.25)
>>> for _ in range(20):
...     loss = w * w
...     loss.backward()
...     opt.step()
...     opt.zero_grad()
>>> w.value                       # each step halves w: 5·2⁻²⁰
4.76837158203125e-06
"""

from __future__ import annotations

from scratchmath.optimization.line_search import (
    LineSearchResult,
    backtracking_line_search,
    wolfe_line_search,
)
from scratchmath.optimization.minimize import METHODS, OptimizeResult, minimize
from scratchmath.optimization.optimizers import (
    SGD,
    AdaGrad,
    Adam,
    Optimizer,
    RMSProp,
    minibatches,
)

__all__ = [
    "METHODS",
    "SGD",
    "AdaGrad",
    "Adam",
    "LineSearchResult",
    "OptimizeResult",
    "Optimizer",
    "RMSProp",
    "backtracking_line_search",
    "minibatches",
    "minimize",
    "wolfe_line_search",
]
