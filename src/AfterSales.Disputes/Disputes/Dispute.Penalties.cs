using AfterSales.Disputes.Merchants;

namespace AfterSales.Disputes.Disputes;

/// <content>
/// The store's penalty points on this case, incurred by the case's own events under the penalty rules frozen with its
/// policy: so they are rebuilt with the case from its timeline, and an overturned ruling's points go with the ruling.
/// </content>
public sealed partial class Dispute
{
    /// <summary>
    /// The points the store incurred on this case, each with the timeline event that caused it, in the order incurred;
    /// expired ones included (<see cref="StorePenalty.IsActiveAt"/> says which still count).
    /// </summary>
    public IReadOnlyList<StorePenalty> Penalties => _penalties;

    // The seller's silence let a deadline decide: a timeout on the scorecard, and points. After a ruling set what the
    // store must do, the silence is the ruling not carried out; before, a response deadline missed.
    private void CountSellerSilence(DateTimeOffset at)
    {
        Scorecard = Scorecard with { SellerTimeouts = Scorecard.SellerTimeouts + 1 };
        var window = _flow[State].Deadline?.Label ?? "deadline";
        if (_arbitrations.Any(a => a.Rulings.Count > 0))
        {
            Penalize(PenaltyCause.RulingNotCarriedOut, $"The ruling was not carried out: the {window} passed without the seller.", at);
        }
        else
        {
            Penalize(PenaltyCause.ResponseDeadlineMissed, $"The {window} passed without the seller's answer.", at);
        }
    }

    // A ruling's points: the arbitration lost, by rule, and the arbitrator's own, both tied to the round of the ruling.
    private void PenalizeRuling(RulingTerms ruling, DateTimeOffset at)
    {
        var round = _arbitrations.Count;
        if (ResultOf(ruling.Outcome) == ArbitrationResult.StoreLost)
        {
            Penalize(PenaltyCause.ArbitrationLost, $"Arbitration round {round} was lost: ruled {ruling.Outcome}.", at, round: round);
        }

        if (ruling.PenaltyPoints > 0)
        {
            Penalize(PenaltyCause.ArbitratorPenalty, ruling.PenaltyReason ?? "", at, ruling.PenaltyPoints, round);
        }
    }

    // An appeal overturned the round's ruling: its points go with it.
    private void WithdrawRulingPenalties(int round)
    {
        _penalties.RemoveAll(penalty => penalty.ArbitrationRound == round);
        Scorecard = Scorecard with { PenaltyPoints = _penalties.Sum(penalty => penalty.Points) };
    }

    private void Penalize(PenaltyCause cause, string reason, DateTimeOffset at, int? points = null, int? round = null)
    {
        var rules = Policy.PenaltyRulesInForce;
        var incurred = points ?? rules.PointsFor(cause);
        if (incurred <= 0)
        {
            return;
        }

        // Recorded while the action is taken: its event is the next of the timeline.
        _penalties.Add(new StorePenalty(StoreId, Id, Version + 1, at, cause, incurred, reason, rules.ExpiresAt(at, Policy.Calendar.TimeZone), round));
        Scorecard = Scorecard with { PenaltyPoints = _penalties.Sum(penalty => penalty.Points) };
    }
}
