"""Automatic differentiation: the chain rule as a machine, exact over the rationals (layer 4).

=====================  ==================================================================
``Var``                a node of a computation graph (reverse mode); ``.backward()``
``Edge``               one arrow of the graph: (parent, the local derivative as a rule)
``Dual``               a dual number a + bε, ε² = 0 (forward mode)
``exp, log, sqrt``     the elementary functions, on numbers, Vectors, Matrices, Vars and
``sin, cos, tanh``     Duals alike, each with its slope
``sigmoid, relu``
``softplus``
``logsumexp``          ln Σ eˣ, softmax and log-softmax of a Vector or of each row of a
``softmax``            Matrix, never overflowing
``log_softmax``
``grad``               ∇f(x) (reverse mode)
``value_and_grad``     (f(x), ∇f(x))
``jvp``                (f(x), J v) (forward mode)
``vjp``                (f(x), uᵀJ) (reverse mode)
``jacobian``           the m×n Jacobian, mode "reverse" or "forward"
``hessian``            the Hessian, forward mode over the graph
``check_grad``         grad against Ridders' finite differences
=====================  ==================================================================

>>> import math
>>> from fractions import Fraction
>>> grad(lambda x: x ** 3, Fraction(1, 3))
Fraction(1, 3)
>>> x = Var(2.0)
>>> y = tanh(x) * x
>>> y.backward()
>>> x.grad == math.tanh(2.0) + 2.0 / math.cosh(2.0) ** 2   # tanh x + x·sech² x
True

The modules, in reading order: ``values`` (the array algebra of numbers, Vectors and
Matrices), ``kernels`` (each scalar function with its slope), ``graph`` (Var and
backpropagation), ``generic`` and ``dual`` (forward mode), ``functions``, ``transforms``.
"""

from __future__ import annotations

from scratchmath.autodiff.dual import Dual
from scratchmath.autodiff.functions import (
    cos,
    exp,
    log,
    log_softmax,
    logsumexp,
    relu,
    sigmoid,
    sin,
    softmax,
    softplus,
    sqrt,
    tanh,
)
from scratchmath.autodiff.graph import Edge, Var, topological_order
from scratchmath.autodiff.transforms import (
    check_grad,
    grad,
    hessian,
    jacobian,
    jvp,
    value_and_grad,
    vjp,
)

__all__ = [
    "Dual",
    "Edge",
    "Var",
    "check_grad",
    "cos",
    "exp",
    "grad",
    "hessian",
    "jacobian",
    "jvp",
    "log",
    "log_softmax",
    "logsumexp",
    "relu",
    "sigmoid",
    "sin",
    "softmax",
    "softplus",
    "sqrt",
    "tanh",
    "topological_order",
    "value_and_grad",
    "vjp",
]
