"""The rules core: pure functions over plain values. No Flask, no IO, no clock.

Every function takes the facts of the case and the policy figures it needs as arguments
(built from content/ by advisor.policy) and returns frozen results that carry their reasons.
"""
