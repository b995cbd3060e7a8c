using AfterSales.Disputes.Localization;
using AfterSales.Disputes.Merchants;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Policies;

namespace AfterSales.Disputes.Disputes;

/// <content>Arbitration and appeal: escalation, evidence, the ruling, its acceptance or appeal, and its execution.</content>
public sealed partial class Dispute
{
    /// <summary>True when <paramref name="actor"/> may escalate the dispute to the platform now.</summary>
    public bool CanEscalate(Actor actor, DateTimeOffset now) => AllowedActions(actor, now).Contains(DisputeAction.Escalate);

    /// <summary>The buyer or the seller escalates to platform arbitration.</summary>
    public DisputeResult Escalate(Actor actor, EscalationRequest request, DateTimeOffset now) => Take(actor, DisputeAction.Escalate, request, now);

    /// <summary>
    /// The buyer or the seller submits evidence. When both have submitted during the evidence window,
    /// the system ends the window early.
    /// </summary>
    public DisputeResult SubmitEvidence(Actor actor, EvidenceSubmission evidence, DateTimeOffset now) => Take(actor, DisputeAction.SubmitEvidence, evidence, now);

    /// <summary>An arbitrator takes the escalated case.</summary>
    public DisputeResult AssignArbitrator(string arbitratorId, DateTimeOffset now) => Take(Actor.Arbitrator(arbitratorId), DisputeAction.AssignArbitrator, null, now);

    /// <summary>The assigned arbitrator asks one party for more evidence; the other party's clock pauses.</summary>
    public DisputeResult RequestMoreEvidence(string arbitratorId, MoreEvidenceRequest request, DateTimeOffset now) => Take(Actor.Arbitrator(arbitratorId), DisputeAction.RequestMoreEvidence, request, now);

    /// <summary>
    /// The assigned arbitrator (or the appeal reviewer) finds a party's evidence of this round false; the seller's costs
    /// the store penalty points.
    /// </summary>
    public DisputeResult FindEvidenceFalse(string arbitratorId, FalseEvidenceFinding finding, DateTimeOffset now) =>
        Take(Actor.Arbitrator(arbitratorId), DisputeAction.FindEvidenceFalse, finding, now);

    /// <summary>The assigned arbitrator rules; the ruling is executed after the appeal window.</summary>
    public DisputeResult Rule(string arbitratorId, RulingTerms ruling, DateTimeOffset now) => Take(Actor.Arbitrator(arbitratorId), DisputeAction.Rule, ruling, now);

    /// <summary>
    /// The buyer or the seller accepts the ruling, waiving its appeal. When both have, the system executes
    /// the ruling without waiting for the appeal window to end.
    /// </summary>
    public DisputeResult AcceptRuling(Actor actor, DateTimeOffset now) => Take(actor, DisputeAction.AcceptRuling, null, now);

    /// <summary>The buyer or the seller appeals the ruling, once, within the appeal window.</summary>
    public DisputeResult Appeal(Actor actor, AppealRequest appeal, DateTimeOffset now) => Take(actor, DisputeAction.Appeal, appeal, now);

    /// <summary>An arbitrator who did not make the ruling takes the appeal.</summary>
    public DisputeResult AssignAppealReviewer(string arbitratorId, DateTimeOffset now) => Take(Actor.Arbitrator(arbitratorId), DisputeAction.AssignAppealReviewer, null, now);

    /// <summary>The appeal reviewer upholds the ruling, which is executed.</summary>
    public DisputeResult UpholdRuling(string arbitratorId, ReviewDecision decision, DateTimeOffset now) => Take(Actor.Arbitrator(arbitratorId), DisputeAction.UpholdRuling, decision, now);

    /// <summary>The appeal reviewer overturns the ruling with a new one, which is executed.</summary>
    public DisputeResult OverturnRuling(string arbitratorId, RulingTerms ruling, DateTimeOffset now) => Take(Actor.Arbitrator(arbitratorId), DisputeAction.OverturnRuling, ruling, now);

    private static ActionTable ArbitrationActions() => new ActionTable()
        .Action<EscalationRequest>(DisputeAction.Escalate, "escalation", "escalate",
            new EscalationRequest("The store ignores a real fault"),
            validate: (_, request) => Blank(request.Reason) ? Invalid(Say("Invalid.EscalationReason")) : null,
            record: (d, request, taken) => d.OpenArbitration(taken.Actor.Party, request.Reason, taken.At))
        .Action(DisputeAction.EscalateOverdue, route: null, "escalate a repair step the service center left past its window",
            record: (d, taken) => d.OpenArbitration(Party.System, $"The service center did not act within the {d._flow[d.State].Deadline!.Label}.", taken.At))
        .Action<EvidenceSubmission>(DisputeAction.SubmitEvidence, "evidence", "submit evidence",
            new EvidenceSubmission("Video of three reboots", ["ev_2f0c9b6a1d3e4f5a6b7c8d9e"]),
            validate: (_, evidence) => Blank(evidence.Statement) && evidence.EvidenceIds.Count == 0 ? Invalid(Say("Invalid.Evidence")) : null,
            record: (d, evidence, taken) =>
            {
                d._evidence.Add(new EvidenceItem(taken.Actor.Party, taken.Actor.Id, evidence, taken.At));
                d.UpdateArbitration(a => a with
                {
                    EvidenceFrom = a.EvidenceFrom | taken.Actor.Party,
                    PendingRequest = a.PendingRequest?.From == taken.Actor.Party ? null : a.PendingRequest,
                });
            },
            followUp: d => d.State == DisputeState.CollectingEvidence && d.Arbitration!.EvidenceFrom.HasFlag(Party.Buyer | Party.Seller)
                ? DisputeAction.CloseEvidence
                : null)
        .Action(DisputeAction.CloseEvidence, route: null, "close the evidence window")
        .Action(DisputeAction.AssignArbitrator, "assignment", "take a case", record: (d, taken) => d.UpdateArbitration(a => a with { ArbitratorId = taken.Actor.Id }))
        .Action<MoreEvidenceRequest>(DisputeAction.RequestMoreEvidence, "evidence-requests", "request evidence",
            new MoreEvidenceRequest(Party.Seller, "The bench test log"),
            validate: (_, request) => request.From is not (Party.Buyer or Party.Seller) || Blank(request.Request)
                ? Invalid(Say("Invalid.MoreEvidence"))
                : null,
            record: (d, request, taken) =>
            {
                // Asked during the evidence window, the window pauses: the other party's clock stops.
                var paused = d.State == DisputeState.CollectingEvidence ? taken.DeadlineBefore?.Pause(taken.At) : null;
                d.UpdateArbitration(a => a with { PendingRequest = request, PausedEvidenceWindow = paused });
            })
        .Action<FalseEvidenceFinding>(DisputeAction.FindEvidenceFalse, "evidence/findings", "find evidence false",
            new FalseEvidenceFinding(Party.Seller, "The bench test log is dated after the request was opened"),
            validate: (d, finding) => d.ValidateFinding(finding),
            record: (d, finding, taken) =>
            {
                d.UpdateArbitration(a => a with { FoundFalse = a.FoundFalse | finding.From });
                if (finding.From == Party.Seller)
                {
                    d.Penalize(PenaltyCause.FalseEvidence, $"Evidence found false: {finding.Finding}", taken.At);
                }
            })
        .Action(DisputeAction.CloseMoreEvidence, route: null, "end the wait for more evidence", record: (d, _) => d.UpdateArbitration(a => a with { PendingRequest = null }))
        .Action<RulingTerms>(DisputeAction.Rule, "ruling", "rule",
            new RulingTerms(RulingOutcome.PartialRefund, Amount.Of(12000, "CNY"), "Intermittent fault shown on video", ShippingPayer.Seller, 3, "Rejected a documented fault"),
            validate: (d, ruling) => d.ValidateRuling(ruling),
            record: (d, ruling, taken) =>
            {
                d.UpdateArbitration(a => a with { Rulings = [new Ruling(ruling, taken.Actor.Id, taken.At, OnAppeal: false)] });
                d.PenalizeRuling(ruling, taken.At);
            })
        .Action(DisputeAction.RuleByDefault, route: null, "grant a full refund when no ruling came in time", record: (d, taken) =>
        {
            // The platform's own failure to rule: the buyer, who waited, is refunded in full. The store
            // neither wins nor loses an arbitration, and is not penalised.
            var byDefault = new RulingTerms(RulingOutcome.FullRefund, Rationale:
                $"No ruling was made within the {d.Policy.Windows.Ruling.Length.TotalDays:0}-day ruling window, so the request is granted in full.");
            d.UpdateArbitration(a => a with { Rulings = [new Ruling(byDefault, taken.Actor.Id, taken.At, OnAppeal: false)] });
            d.Remedy = Remedy.RefundKeepItem;
            d.AgreedRefund = d.FullRefundAmount;
        })
        .Action(DisputeAction.AcceptRuling, "ruling/accept", "accept a ruling",
            record: (d, taken) => d.UpdateArbitration(a => a with { AcceptedBy = a.AcceptedBy | taken.Actor.Party }),
            followUp: d => d.Arbitration!.AcceptedBy.HasFlag(Party.Buyer | Party.Seller) ? DisputeAction.ExecuteRuling : null)
        .Action<AppealRequest>(DisputeAction.Appeal, "appeals", "appeal",
            new AppealRequest("The buyer dropped it"),
            validate: (_, appeal) => Blank(appeal.Reason) ? Invalid(Say("Invalid.AppealReason")) : null,
            record: (d, appeal, taken) => d.UpdateArbitration(a => a with { Appeals = [.. a.Appeals, new FiledAppeal(taken.Actor.Party, appeal.Reason, taken.At)] }))
        .Action(DisputeAction.ExecuteRuling, route: null, "execute the ruling",
            record: (d, _) => d.Execute(d.Arbitration!.CurrentRuling!.Terms), closes: ClosureReason.ClaimRejected)
        .Action(DisputeAction.AssignAppealReviewer, "appeal/assignment", "take an appeal",
            record: (d, taken) => d.UpdateArbitration(a => a with { ReviewerId = taken.Actor.Id }))
        .Action<ReviewDecision>(DisputeAction.UpholdRuling, "appeal/uphold", "uphold a ruling",
            new ReviewDecision("The video shows a factory fault"),
            validate: (_, decision) => Blank(decision.Rationale) ? Invalid(Say("Invalid.AppealDecision")) : null,
            record: (d, decision, taken) => d.RuleOnAppeal(d.Arbitration!.CurrentRuling!.Terms with { Rationale = decision.Rationale }, taken),
            closes: ClosureReason.ClaimRejected)
        .Action<RulingTerms>(DisputeAction.OverturnRuling, "appeal/overturn", "overturn a ruling",
            new RulingTerms(RulingOutcome.FullRefund, Rationale: "The video shows a factory fault"),
            validate: (d, ruling) => d.ValidateRuling(ruling), record: (d, ruling, taken) =>
            {
                d.WithdrawRulingPenalties(d._arbitrations.Count);
                d.PenalizeRuling(ruling, taken.At);
                d.RuleOnAppeal(ruling, taken);
            },
            closes: ClosureReason.ClaimRejected)
        .OnEntering(DisputeState.CollectingEvidence, (d, transition) =>
        {
            if (transition.From == DisputeState.AwaitingMoreEvidence)
            {
                // Back from a request for more evidence: the paused window resumes with the time it had left.
                d.Deadline = d.Arbitration!.PausedEvidenceWindow!.Value.Resume(transition.At);
                d.UpdateArbitration(a => a with { PausedEvidenceWindow = null });
            }
        });

    private void RuleOnAppeal(RulingTerms ruling, ActionTaken taken)
    {
        UpdateArbitration(a => a with { Rulings = [.. a.Rulings, new Ruling(ruling, taken.Actor.Id, taken.At, OnAppeal: true)] });
        Execute(ruling);
    }

    // A ruling takes effect: the remedy and refund it sets, and what it means for the store's scorecard.
    private void Execute(RulingTerms ruling)
    {
        (Remedy, AgreedRefund) = ruling.Outcome switch
        {
            RulingOutcome.FullRefund => (Remedy.RefundKeepItem, FullRefundAmount),
            RulingOutcome.PartialRefund => (Remedy.RefundKeepItem, ruling.Refund),
            RulingOutcome.ReturnAndRefund => (Remedy.ReturnAndRefund, ruling.Refund ?? FullRefundAmount),
            RulingOutcome.Replace => (Remedy.Exchange, (Amount?)null),
            RulingOutcome.Repair => (Remedy.Repair, (Amount?)null),
            _ => (Remedy, AgreedRefund),
        };
        Scorecard = Scorecard with { Arbitration = ResultOf(ruling.Outcome) };
    }

    private static ArbitrationResult ResultOf(RulingOutcome outcome) => outcome switch
    {
        RulingOutcome.ClaimRejected => ArbitrationResult.StoreWon,
        RulingOutcome.PartialRefund => ArbitrationResult.Split,
        _ => ArbitrationResult.StoreLost,
    };

    // A finding names a party whose evidence of this round it has not found false yet.
    private Problem? ValidateFinding(FalseEvidenceFinding finding)
    {
        if (finding.From is not (Party.Buyer or Party.Seller) || Blank(finding.Finding) || finding.Finding.Length > MaxTextLength)
        {
            return Invalid(Say("Invalid.Finding", MaxTextLength));
        }

        return Arbitration is not { } round || !round.EvidenceFrom.HasFlag(finding.From)
            ? Invalid(Say("Invalid.Finding.NoEvidence", DisputeTexts.Label(finding.From)))
            : round.FoundFalse.HasFlag(finding.From)
                ? Invalid(Say("Invalid.Finding.Already", DisputeTexts.Label(finding.From)))
                : null;
    }

    private Problem? ValidateRuling(RulingTerms ruling)
    {
        if (Blank(ruling.Rationale))
        {
            return Invalid(Say("Invalid.RulingRationale"));
        }

        if (ruling.PenaltyPoints < 0 || (ruling.PenaltyPoints > 0 && Blank(ruling.PenaltyReason)))
        {
            return Invalid(Say("Invalid.RulingPenalty"));
        }

        if (ruling.Outcome == RulingOutcome.Repair && CannotBeRepaired(repairedAs: "Repair.Ruled") is { } noRepair)
        {
            return noRepair;
        }

        return ruling.Outcome switch
        {
            RulingOutcome.PartialRefund when ruling.Refund is not { } refund => Invalid(Say("Invalid.RulingAmount")),
            RulingOutcome.PartialRefund or RulingOutcome.FullRefund or RulingOutcome.ReturnAndRefund when ruling.Refund is { } refund => CheckRefund(refund, "Invalid.RuledRefundNotPositive"),
            RulingOutcome.Replace or RulingOutcome.Repair or RulingOutcome.ClaimRejected when ruling.Refund is not null =>
                Invalid(Say("Invalid.RulingNoAmount", ruling.Outcome)),
            _ => null,
        };
    }

    private void OpenArbitration(Party escalatedBy, string reason, DateTimeOffset now) =>
        _arbitrations.Add(new ArbitrationFile(_arbitrations.Count + 1, escalatedBy, reason, now, Party.None,
            ArbitratorId: null, PendingRequest: null, PausedEvidenceWindow: null, Rulings: [], Appeals: [], AcceptedBy: Party.None, ReviewerId: null));

    private void UpdateArbitration(Func<ArbitrationFile, ArbitrationFile> change) => _arbitrations[^1] = change(_arbitrations[^1]);
}
