"""Optimisation: how a loss is driven downhill (layer 6).

============================  ===========================================================
``SGD``                       θ ← θ − η·g, with momentum and Nesterov's look-ahead
``AdaGrad``                   per-coordinate steps shrinking with the summed squared slopes
``RMSProp``                   the same with a decaying average
``Adam``                      momentum and RMSProp, bias-corrected (Kingma & Ba)
``minibatches``               a seeded shuffle of range(n), cut into batches
``backtracking_line_search``  the first α in 1, ½, ¼, … with sufficient decrease (Armijo)
``wolfe_line_search``         a strong Wolfe step: ``LineSearchResult(step, value,
                              satisfied)``, never None
``minimize``                  gd, momentum, nesterov, adagrad, rmsprop, adam, newton, bfgs:
                              ``OptimizeResult(x, value, steps, converged, path, reason)``
``test_functions``            Rosenbrock, Beale, Booth, Himmelblau, Rastrigin, Ackley,
                              Goldstein–Price, Matyas, and ``TEST_PROBLEMS``
============================  ===========================================================

The modules, in reading order: ``optimizers``, ``line_search``, ``minimize``,
``test_functions``.

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

from scratchmath.optimization import test_functions
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
from scratchmath.optimization.test_functions import TEST_PROBLEMS

__all__ = [
    "METHODS",
    "SGD",
    "TEST_PROBLEMS",
    "AdaGrad",
    "Adam",
    "LineSearchResult",
    "OptimizeResult",
    "Optimizer",
    "RMSProp",
    "backtracking_line_search",
    "minibatches",
    "minimize",
    "test_functions",
    "wolfe_line_search",
]
