using AfterSales.Disputes.Flows;
using AfterSales.Disputes.Merchants;
using AfterSales.Disputes.Money;

namespace AfterSales.Disputes.Disputes;

/// <content>What each accepted action changes on the dispute, besides its state and deadline.</content>
public sealed partial class Dispute
{
    // Called after the flow accepted the action, before the state changes. Each case records what the
    // action means for the case: the offer history, shipments, reports, the repair and arbitration files.
    private void Record(Actor actor, DisputeAction action, DisputeEventData? data, Deadline<DisputeAction>? deadlineBefore, DateTimeOffset now)
    {
        if (actor.Party == Party.Seller && Scorecard.FirstSellerResponseAt is null)
        {
            Scorecard = Scorecard with { FirstSellerResponseAt = now };
        }

        switch (action, data)
        {
            case (DisputeAction.Approve or DisputeAction.AutoApprove, _):
                AnswerPendingOffer(OfferStatus.Accepted, actor, now);
                AgreedRefund = PaysMoney(Remedy) ? FullRefundAmount : null;
                break;
            case (DisputeAction.Reject, RejectionReason reason):
                AnswerPendingOffer(OfferStatus.Declined, actor, now);
                LastRejection = reason;
                break;
            case (DisputeAction.ProposeOffer or DisputeAction.CounterOffer, OfferTerms terms):
                AnswerPendingOffer(OfferStatus.Superseded, actor, now);
                _offers.Add(new Offer(_offers.Count + 1, actor.Party, terms, now, OfferStatus.Pending));
                if (action == DisputeAction.CounterOffer)
                {
                    // The buyer's counter-offer becomes what the request asks for.
                    Remedy = terms.Remedy;
                    RequestedRefund = terms.Refund;
                }

                break;
            case (DisputeAction.AcceptOffer, _):
                var accepted = PendingOffer!.Terms;
                AnswerPendingOffer(OfferStatus.Accepted, actor, now);
                Remedy = accepted.Remedy;
                AgreedRefund = PaysMoney(accepted.Remedy) ? accepted.Refund ?? FullRefundAmount : null;
                break;
            case (DisputeAction.DeclineOffer, _):
                AnswerPendingOffer(OfferStatus.Declined, actor, now);
                break;
            case (DisputeAction.LapseOffer, _):
                AnswerPendingOffer(OfferStatus.Lapsed, actor, now);
                break;
            case (DisputeAction.Withdraw, _):
                AnswerPendingOffer(OfferStatus.Withdrawn, actor, now);
                break;
            case (DisputeAction.ShipReturn, ShipmentDetails details):
                _shipments.Add(new Shipment(ShipmentPurpose.Return, details, now));
                break;
            case (DisputeAction.ConfirmReceipt, ConditionReport report):
                MarkReceived(ShipmentPurpose.Return, now);
                ReceiptReport = report;
                break;
            case (DisputeAction.AutoConfirmReceipt, _):
                MarkReceived(ShipmentPurpose.Return, now);
                break;
            case (DisputeAction.AcceptProblemReport, _):
                AgreedRefund = RefundAfterProblemReport;
                break;
            case (DisputeAction.ShipReplacement, ShipmentDetails details):
                _shipments.Add(new Shipment(ShipmentPurpose.Replacement, details, now));
                break;
            case (DisputeAction.ConfirmReplacement or DisputeAction.AutoConfirmReplacement, _):
                MarkReceived(ShipmentPurpose.Replacement, now);
                break;
            case (DisputeAction.RefundInstead, _):
                // The seller has the item back but sent no replacement: the buyer is refunded in full.
                Remedy = Remedy.ReturnAndRefund;
                AgreedRefund = FullRefundAmount;
                break;
            case (DisputeAction.RecordRefundSuccess, RefundResult result):
                Refund = Refund! with { Status = RefundStatus.Succeeded, GatewayReference = result.GatewayReference };
                break;
            case (DisputeAction.RecordRefundFailure, RefundResult result):
                Refund = Refund! with { Status = RefundStatus.Failed, LastFailure = result.Failure };
                break;
            case (DisputeAction.TimeOutRefund, _):
                Refund = Refund! with { Status = RefundStatus.Failed, LastFailure = $"The refund gateway did not answer within the {Policy.Windows.RefundAnswer.Length.TotalHours:0}-hour refund answer window." };
                break;
            case (DisputeAction.ShipDevice, ShipmentDetails details):
                _shipments.Add(new Shipment(ShipmentPurpose.ToServiceCenter, details, now));
                break;
            case (DisputeAction.ReceiveDevice, _):
                MarkReceived(ShipmentPurpose.ToServiceCenter, now);
                break;
            case (DisputeAction.Diagnose, Diagnosis diagnosis):
                RepairFile = RepairFile! with { Diagnosis = diagnosis, QuoteDeclined = false };
                break;
            case (DisputeAction.DeclineQuote, _):
                RepairFile = RepairFile! with { QuoteDeclined = true };
                break;
            case (DisputeAction.CompleteRepair, RepairReport report):
                RepairFile = RepairFile! with { Repairs = [.. RepairFile.Repairs, report] };
                break;
            case (DisputeAction.ShipDeviceBack, ShipmentDetails details):
                _shipments.Add(new Shipment(ShipmentPurpose.FromServiceCenter, details, now));
                break;
            case (DisputeAction.ConfirmRepair or DisputeAction.AutoConfirmRepair, _):
                MarkReceived(ShipmentPurpose.FromServiceCenter, now);
                break;
            case (DisputeAction.ReportRepeatFault, RepeatFault fault):
                var failed = new Dictionary<string, int>(RepairFile!.FailedRepairs) { [fault.FaultCode] = RepairFile.FailedRepairsOf(fault.FaultCode) + 1 };
                RepairFile = RepairFile with { FailedRepairs = failed, Diagnosis = null, QuoteDeclined = false };
                break;
            case (DisputeAction.ChooseExchange, _):
                Remedy = Remedy.Exchange;
                break;
            case (DisputeAction.ChooseRefund, _):
                Remedy = Remedy.ReturnAndRefund;
                AgreedRefund = FullRefundAmount;
                break;
            case (DisputeAction.Escalate, EscalationRequest request):
                OpenArbitration(actor.Party, request.Reason, now);
                break;
            case (DisputeAction.EscalateOverdue, _):
                OpenArbitration(Party.System, $"The service center did not act within the {_flow[State].Deadline!.Label}.", now);
                break;
            case (DisputeAction.RuleByDefault, _):
                // The platform's own failure to rule: the buyer, who waited, is refunded in full. The store
                // neither wins nor loses an arbitration, and is not penalised.
                var byDefault = new RulingTerms(RulingOutcome.FullRefund, Rationale:
                    $"No ruling was made within the {Policy.Windows.Ruling.Length.TotalDays:0}-day ruling window, so the request is granted in full.");
                UpdateArbitration(a => a with { Rulings = [new Ruling(byDefault, actor.Id, now, OnAppeal: false)] });
                Remedy = Remedy.RefundKeepItem;
                AgreedRefund = FullRefundAmount;
                break;
            case (DisputeAction.SubmitEvidence, EvidenceSubmission submission):
                _evidence.Add(new EvidenceItem(actor.Party, actor.Id, submission, now));
                UpdateArbitration(a => a with
                {
                    EvidenceFrom = a.EvidenceFrom | actor.Party,
                    PendingRequest = a.PendingRequest?.From == actor.Party ? null : a.PendingRequest,
                });
                break;
            case (DisputeAction.CloseMoreEvidence, _):
                UpdateArbitration(a => a with { PendingRequest = null });
                break;
            case (DisputeAction.AssignArbitrator, _):
                UpdateArbitration(a => a with { ArbitratorId = actor.Id });
                break;
            case (DisputeAction.RequestMoreEvidence, MoreEvidenceRequest request):
                // Asked during the evidence window, the window pauses: the other party's clock stops.
                var paused = State == DisputeState.CollectingEvidence ? deadlineBefore?.Pause(now) : null;
                UpdateArbitration(a => a with { PendingRequest = request, PausedEvidenceWindow = paused });
                break;
            case (DisputeAction.Rule, RulingTerms terms):
                UpdateArbitration(a => a with { Rulings = [new Ruling(terms, actor.Id, now, OnAppeal: false)] });
                break;
            case (DisputeAction.AcceptRuling, _):
                UpdateArbitration(a => a with { AcceptedBy = a.AcceptedBy | actor.Party });
                break;
            case (DisputeAction.Appeal, AppealRequest request):
                UpdateArbitration(a => a with { Appeals = [.. a.Appeals, new FiledAppeal(actor.Party, request.Reason, now)] });
                break;
            case (DisputeAction.AssignAppealReviewer, _):
                UpdateArbitration(a => a with { ReviewerId = actor.Id });
                break;
            case (DisputeAction.UpholdRuling, ReviewDecision decision):
                var upheld = Arbitration!.CurrentRuling!.Terms with { Rationale = decision.Rationale };
                UpdateArbitration(a => a with { Rulings = [.. a.Rulings, new Ruling(upheld, actor.Id, now, OnAppeal: true)] });
                Execute(upheld);
                break;
            case (DisputeAction.OverturnRuling, RulingTerms terms):
                UpdateArbitration(a => a with { Rulings = [.. a.Rulings, new Ruling(terms, actor.Id, now, OnAppeal: true)] });
                Execute(terms);
                break;
            case (DisputeAction.ExecuteRuling, _):
                Execute(Arbitration!.CurrentRuling!.Terms);
                break;
            case (DisputeAction.SendMessage, MessageText message):
                _messages.Add(new CaseMessage(actor.Party, actor.Id, message.Text, now));
                break;
            case (DisputeAction.Rate, RatingInput rating):
                Rating = new Rating(rating.Stars, rating.Comment, now);
                Scorecard = Scorecard with { RatingStars = rating.Stars };
                break;
            default:
                break; // The state change is all there is to it (CloseEvidence, AcceptQuote, RetryRefund, …).
        }

        if (action is DisputeAction.AutoApprove or DisputeAction.AutoConfirmReceipt or DisputeAction.RefundInstead)
        {
            Scorecard = Scorecard with { SellerTimeouts = Scorecard.SellerTimeouts + 1 };
        }
    }

    // Called after the state changed, for actions that entered a new step.
    private void Entered(DisputeAction action, Transition<DisputeState, DisputeAction> transition, DateTimeOffset now)
    {
        switch (transition.To)
        {
            case DisputeState.Refunding when Refund is null:
                var amount = AgreedRefund ?? FullRefundAmount;
                var itemPart = Amount.Min(amount, ItemCeiling);
                Refund = new RefundRecord($"{Id}-refund", amount, itemPart, amount - itemPart, RefundStatus.Pending, Attempts: 1, RequestedAt: now);
                break;
            case DisputeState.AwaitingDeviceShipment when RepairFile is null:
                // The remedy became a repair (an accepted offer or a ruling, both refused when the item has no
                // service center): the seller agreed to it or the platform ruled it, so it is free.
                RepairFile = NewRepairFile(application: null, warrantyCovered: true, ServiceCenterId!);
                break;
            case DisputeState.Refunding:
                Refund = Refund with { Status = RefundStatus.Pending, Attempts = Refund.Attempts + 1 };
                break;
            case DisputeState.CollectingEvidence when transition.From == DisputeState.AwaitingMoreEvidence:
                // Back from a request for more evidence: the paused window resumes with the time it had left.
                Deadline = Arbitration!.PausedEvidenceWindow!.Value.Resume(now);
                UpdateArbitration(a => a with { PausedEvidenceWindow = null });
                break;
            case DisputeState.Closed:
                Closure = ClosureFor(action);
                Scorecard = Scorecard with { ClosedAt = now, Closure = Closure };
                break;
            default:
                break;
        }
    }

    private static ClosureReason ClosureFor(DisputeAction action) => action switch
    {
        DisputeAction.Withdraw => ClosureReason.Withdrawn,
        DisputeAction.RecordRefundSuccess => ClosureReason.Refunded,
        DisputeAction.ConfirmReplacement or DisputeAction.AutoConfirmReplacement => ClosureReason.Exchanged,
        DisputeAction.CloseRepair => ClosureReason.Repaired,
        DisputeAction.ShipDeviceBack => ClosureReason.ReturnedUnrepaired,
        DisputeAction.LapseOffer => ClosureReason.OfferLapsed,
        DisputeAction.CloseUnescalated => ClosureReason.NotEscalated,
        DisputeAction.CloseUnshipped => ClosureReason.NotShippedBack,
        DisputeAction.AcceptProblemReport => ClosureReason.ProblemAccepted,
        DisputeAction.ExecuteRuling or DisputeAction.UpholdRuling or DisputeAction.OverturnRuling => ClosureReason.ClaimRejected,
        _ => throw new InvalidOperationException($"{action} is not expected to close a dispute."),
    };

    private static bool PaysMoney(Remedy remedy) => remedy is Remedy.RefundKeepItem or Remedy.ReturnAndRefund;

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
        var result = ruling.Outcome switch
        {
            RulingOutcome.ClaimRejected => ArbitrationResult.StoreWon,
            RulingOutcome.PartialRefund => ArbitrationResult.Split,
            _ => ArbitrationResult.StoreLost,
        };
        Scorecard = Scorecard with { Arbitration = result, PenaltyPoints = Scorecard.PenaltyPoints + ruling.PenaltyPoints };
    }

    private void AnswerPendingOffer(OfferStatus status, Actor actor, DateTimeOffset now)
    {
        if (PendingOffer is { } pending)
        {
            _offers[^1] = pending with { Status = status, AnsweredBy = actor.Party, AnsweredAt = now };
        }
    }

    private void MarkReceived(ShipmentPurpose purpose, DateTimeOffset now)
    {
        var index = _shipments.FindLastIndex(s => s.Purpose == purpose);
        if (index >= 0)
        {
            _shipments[index] = _shipments[index] with { ReceivedAt = now };
        }
    }

    private void OpenArbitration(Party escalatedBy, string reason, DateTimeOffset now) =>
        _arbitrations.Add(new ArbitrationFile(_arbitrations.Count + 1, escalatedBy, reason, now, Party.None,
            ArbitratorId: null, PendingRequest: null, PausedEvidenceWindow: null, Rulings: [], Appeals: [], AcceptedBy: Party.None, ReviewerId: null));

    private void UpdateArbitration(Func<ArbitrationFile, ArbitrationFile> change) => _arbitrations[^1] = change(_arbitrations[^1]);
}
