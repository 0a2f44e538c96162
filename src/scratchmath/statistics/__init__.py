"""Mathematical statistics (layer 7): describing data, estimating, testing, regressing.

=========================  ====================================================================
``sample_mean`` …          descriptive statistics, exact for int/Fraction data (:mod:`.descriptive`)
``linear_regression``      least squares with standard errors, R² and ANOVA (:mod:`.regression`)
``mle``                    maximum-likelihood estimates in closed form (:mod:`.estimation`)
``method_of_moments``      estimates that match the sample moments
``maximum_likelihood``     numeric maximum likelihood through ``optimization.minimize``
``confidence_interval``    t or z intervals for a mean (:mod:`.inference`)
``t_test`` …               one- and two-sample t, χ² and permutation tests → ``TestResult``
``bootstrap``              percentile and BCa bootstrap intervals → ``BootstrapResult``
=========================  ====================================================================

An estimator is a random variable: a function of random data. Its bias, variance and mean
squared error are properties of that random variable, and the tests of this package check
them exactly on small discrete models where the expectation is a finite sum.

>>> from scratchmath.statistics import sample_variance, linear_regression
>>> sample_variance([1, 2, 3, 4])
Fraction(5, 3)
"""

from scratchmath.statistics.descriptive import (
    correlation,
    covariance,
    median,
    quantile,
    sample_mean,
    sample_std,
    sample_variance,
)
from scratchmath.statistics.estimation import (
    MaximumLikelihoodResult,
    maximum_likelihood,
    method_of_moments,
    mle,
)
from scratchmath.statistics.inference import (
    BootstrapResult,
    TestResult,
    bootstrap,
    chi2_test,
    confidence_interval,
    permutation_test,
    t_test,
    two_sample_t_test,
)
from scratchmath.statistics.regression import AnovaTable, RegressionResult, linear_regression

__all__ = [
    "AnovaTable",
    "BootstrapResult",
    "MaximumLikelihoodResult",
    "RegressionResult",
    "TestResult",
    "bootstrap",
    "chi2_test",
    "confidence_interval",
    "correlation",
    "covariance",
    "linear_regression",
    "maximum_likelihood",
    "median",
    "method_of_moments",
    "mle",
    "permutation_test",
    "quantile",
    "sample_mean",
    "sample_std",
    "sample_variance",
    "t_test",
    "two_sample_t_test",
]
