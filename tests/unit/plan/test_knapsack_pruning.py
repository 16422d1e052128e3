"""The knapsack drops items no optimal choice needs (more items of one weight than fit):
its choice must still be as good as the best subset found by brute force."""

from __future__ import annotations

import itertools
import random

import pytest

from codehealth.plan.knapsack import choose


def _best_payoff(efforts: list[float], payoffs: list[float], budget: float) -> float:
    return max(
        sum(payoffs[i] for i in combo)
        for size in range(len(efforts) + 1)
        for combo in itertools.combinations(range(len(efforts)), size)
        if sum(efforts[i] for i in combo) <= budget
    )


@pytest.mark.parametrize("seed", range(40))
def test_many_items_of_few_weights_are_chosen_exactly(seed: int):
    rng = random.Random(seed)
    # a dozen items over three weights and a small budget: far more of each weight than fit
    efforts = [float(rng.choice([1, 2, 3, rng.randint(1, 9)])) for _ in range(12)]
    payoffs = [
        rng.choice([0.0, float(rng.randint(1, 5)), round(rng.uniform(0, 20), 2)]) for _ in efforts
    ]
    budget = rng.choice([3.0, 5.0, 8.0])

    chosen = choose(efforts, payoffs, budget)

    assert chosen == sorted(set(chosen))
    assert sum(efforts[i] for i in chosen) <= budget
    assert sum(payoffs[i] for i in chosen) == pytest.approx(_best_payoff(efforts, payoffs, budget))


def test_of_equal_weights_the_best_paying_are_kept():
    # ten 1-minute items, room for three: the three best, whatever their position
    payoffs = [1.0, 9.0, 2.0, 8.0, 3.0, 0.5, 7.0, 4.0, 6.0, 5.0]
    assert choose([1.0] * 10, payoffs, 3) == [1, 3, 6]
