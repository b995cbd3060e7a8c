using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Policies;

namespace AfterSales.Disputes.Tests.Soundness;

/// <summary>How to take one move on any copy of a dispute: the actor and the intent-method call.</summary>
/// <param name="Actor">Who acts.</param>
/// <param name="Action">The action, for the menu check.</param>
/// <param name="Run">The call, as the handlers make it.</param>
public sealed record DisputeCall(Actor Actor, DisputeAction Action, Func<Dispute, DateTimeOffset, DisputeResult> Run);

/// <summary>
/// Every action a party can take on a dispute through the library's public API, with arguments generated
/// for the case at hand: valid ones that cover every branch (each remedy, each ruling outcome, intact and
/// not intact, covered and quoted) and a few invalid ones (blank reasons, over-refunds, wrong parties).
/// </summary>
public static class DisputeMoves
{
    private static readonly Party[] s_persons = [Party.Buyer, Party.Seller, Party.Arbitrator, Party.ServiceCenter];

    /// <summary>
    /// The moves of every actor for every action of the dispute's flow, and of every stranger (who may do
    /// nothing) with the first argument of each.
    /// </summary>
    /// <remarks>
    /// An action off the actor's menu is tried with its first argument only: any argument is refused before
    /// it is read. Invalid arguments are tried where they could matter, on the actions the actor may take.
    /// </remarks>
    public static IReadOnlyList<Move> For(Dispute dispute, IReadOnlyList<Actor> actors, IReadOnlyList<Actor> strangers, Func<Actor, IReadOnlyList<DisputeAction>> menu)
    {
        var moves = new List<Move>();
        foreach (var actor in actors.Concat(strangers))
        {
            var listed = menu(actor);
            foreach (var action in dispute.Flow.Actions)
            {
                foreach (var (variant, valid, run) in Variants(dispute, action, actor).Take(listed.Contains(action) ? int.MaxValue : 1))
                {
                    moves.Add(new Move(actor.ToString(), action.ToString(), variant, valid, new DisputeCall(actor, action, run)));
                }
            }
        }

        // The system's public calls: the live deadline (when due, and once too early) and the refund gateway's answers.
        if (dispute.Deadline is { IsPaused: false } deadline)
        {
            moves.Add(new Move(Actor.System.ToString(), "ExpireDeadline", "when due", true,
                new DisputeCall(Actor.System, deadline.ExpiresWith, (d, now) => d.ExpireDeadline(Max(now, d.Deadline!.Value.DueAt)))));
            moves.Add(new Move(Actor.System.ToString(), "ExpireDeadline", "a minute early", false,
                new DisputeCall(Actor.System, deadline.ExpiresWith, (d, _) => d.ExpireDeadline(d.Deadline!.Value.DueAt.AddMinutes(-1)))));
        }

        return moves;
    }

    // The party an intent method acts as: Approve(storeId) is always the seller's. Null for the methods that
    // take an Actor (escalate, evidence, rulings' acceptance and appeal, messages, refund retries), which every
    // party can call.
    private static Party? FixedParty(DisputeAction action) => action switch
    {
        DisputeAction.Approve or DisputeAction.Reject or DisputeAction.ProposeOffer or DisputeAction.ConfirmReceipt or DisputeAction.ShipReplacement => Party.Seller,
        DisputeAction.Withdraw or DisputeAction.AcceptOffer or DisputeAction.DeclineOffer or DisputeAction.CounterOffer or DisputeAction.ShipReturn
            or DisputeAction.AcceptProblemReport or DisputeAction.ConfirmReplacement or DisputeAction.ShipDevice or DisputeAction.AcceptQuote
            or DisputeAction.DeclineQuote or DisputeAction.ConfirmRepair or DisputeAction.ReportRepeatFault or DisputeAction.ChooseExchange
            or DisputeAction.ChooseRefund or DisputeAction.Rate or DisputeAction.AcceptVisit or DisputeAction.RequestOtherSlot => Party.Buyer,
        DisputeAction.ReceiveDevice or DisputeAction.Diagnose or DisputeAction.CompleteRepair or DisputeAction.ShipDeviceBack
            or DisputeAction.ProposeVisit or DisputeAction.ReportVisit => Party.ServiceCenter,
        DisputeAction.AssignArbitrator or DisputeAction.RequestMoreEvidence or DisputeAction.Rule or DisputeAction.AssignAppealReviewer
            or DisputeAction.UpholdRuling or DisputeAction.OverturnRuling or DisputeAction.FindEvidenceFalse => Party.Arbitrator,
        DisputeAction.RecordRefundSuccess or DisputeAction.RecordRefundFailure or DisputeAction.RecordChargeSuccess or DisputeAction.RecordChargeFailure
            or DisputeAction.RecordFeeRefund => Party.System,
        _ => null,
    };

    private static IEnumerable<(string Variant, bool Valid, Func<Dispute, DateTimeOffset, DisputeResult> Run)> Variants(Dispute dispute, DisputeAction action, Actor actor)
    {
        if (FixedParty(action) is { } party && party != actor.Party)
        {
            yield break; // that party cannot even express the call
        }

        var id = actor.Id;
        var ceiling = dispute.Ceiling;
        var half = Amount.Max(new Amount(ceiling.MinorUnits / 2, ceiling.Currency), new Amount(1, ceiling.Currency));
        var over = ceiling + new Amount(1, ceiling.Currency);
        var canRepair = dispute.Flow.Contains(DisputeState.AwaitingDeviceShipment) && dispute.ServiceCenterId is not null;
        var express = new ShipmentDetails("SF Express", "SF1001");
        var surface = new ShipmentDetails("China Post", "CP2002", ShippingMethod.Surface);
        var blankTracking = new ShipmentDetails("SF Express", " ");
        var person = s_persons.Contains(actor.Party);
        switch (action)
        {
            // Seller
            case DisputeAction.Approve:
                yield return ("", true, (d, now) => d.Approve(id, now));
                break;
            case DisputeAction.Reject:
                yield return ("item-as-described", true, (d, now) => d.Reject(id, new RejectionReason("item-as-described"), now));
                yield return ("blank reason", false, (d, now) => d.Reject(id, new RejectionReason(" "), now));
                break;
            case DisputeAction.ProposeOffer or DisputeAction.CounterOffer:
                foreach (var (name, valid, terms) in Offers(half, ceiling, over, canRepair, CheaperVariant(dispute)))
                {
                    yield return (name, valid, action == DisputeAction.ProposeOffer
                        ? (d, now) => d.ProposeOffer(id, terms, now)
                        : (d, now) => d.CounterOffer(id, terms, now));
                }

                break;
            case DisputeAction.ConfirmReceipt:
                var agreed = dispute.AgreedRefund ?? dispute.FullRefundAmount;
                var deducted = new Amount(agreed.MinorUnits / 2, agreed.Currency);
                yield return ("intact", true, (d, now) => d.ConfirmReceipt(id, new ConditionReport(ConditionIssue.OpenedForInspection, []), now));
                yield return ($"damaged, refund {deducted}", true, (d, now) => d.ConfirmReceipt(id, new ConditionReport(ConditionIssue.Damaged, ["photo-9"], deducted), now));
                yield return ("damaged, no refund", true, (d, now) => d.ConfirmReceipt(id, new ConditionReport(ConditionIssue.SerialTampered, ["photo-9"], Amount.Zero(agreed.Currency)), now));
                yield return ("damaged without evidence", false, (d, now) => d.ConfirmReceipt(id, new ConditionReport(ConditionIssue.Damaged, [], deducted), now));
                if (PartialReceipt(dispute) is { } partial)
                {
                    yield return ("one unit fewer", true, (d, now) => d.ConfirmReceipt(id, new ConditionReport(ConditionIssue.None, [], Received: partial), now));
                    yield return ("one unit fewer, damaged, nothing back", true,
                        (d, now) => d.ConfirmReceipt(id, new ConditionReport(ConditionIssue.Damaged, ["photo-9"], Amount.Zero(agreed.Currency), Received: partial), now));
                    yield return ("a unit more than asked", false, (d, now) => d.ConfirmReceipt(id, new ConditionReport(ConditionIssue.None, [],
                        Received: [.. dispute.Lines.Select((l, i) => new RequestedLine(l.LineId, (l.Units ?? 1) + (i == 0 ? 1 : 0)))]), now));
                }

                break;
            case DisputeAction.ShipReplacement:
                yield return ("express", true, (d, now) => d.ShipReplacement(id, express, now));
                yield return ("blank tracking", false, (d, now) => d.ShipReplacement(id, blankTracking, now));
                break;

            // Buyer
            case DisputeAction.Withdraw:
                yield return ("", true, (d, now) => d.Withdraw(id, now));
                break;
            case DisputeAction.AcceptOffer:
                yield return ("", true, (d, now) => d.AcceptOffer(id, now));
                break;
            case DisputeAction.DeclineOffer:
                yield return ("", true, (d, now) => d.DeclineOffer(id, now));
                break;
            case DisputeAction.ShipReturn:
                yield return ("express", true, (d, now) => d.ShipReturn(id, express, now));
                yield return ("surface mail", true, (d, now) => d.ShipReturn(id, surface, now));
                yield return ("postage 25 paid", true, (d, now) => d.ShipReturn(id, express with { Postage = Postage(ceiling, 25) }, now));
                yield return ("prepaid label 12", true, (d, now) => d.ShipReturn(id, express with { Postage = Postage(ceiling, 12), PrepaidLabel = true }, now));
                yield return ("blank tracking", false, (d, now) => d.ShipReturn(id, blankTracking, now));
                yield return ("prepaid label without its cost", false, (d, now) => d.ShipReturn(id, express with { PrepaidLabel = true }, now));
                break;
            case DisputeAction.AcceptProblemReport:
                yield return ("", true, (d, now) => d.AcceptProblemReport(id, now));
                break;
            case DisputeAction.ConfirmReplacement:
                yield return ("", true, (d, now) => d.ConfirmReplacement(id, now));
                break;
            case DisputeAction.ShipDevice:
                yield return ("express", true, (d, now) => d.ShipDevice(id, express, now));
                yield return ("blank tracking", false, (d, now) => d.ShipDevice(id, blankTracking, now));
                break;
            case DisputeAction.AcceptQuote:
                yield return ("", true, (d, now) => d.AcceptQuote(id, now));
                break;
            case DisputeAction.DeclineQuote:
                yield return ("", true, (d, now) => d.DeclineQuote(id, now));
                break;
            case DisputeAction.ConfirmRepair:
                yield return ("", true, (d, now) => d.ConfirmRepair(id, now));
                break;
            case DisputeAction.ReportRepeatFault:
                var code = dispute.RepairFile?.Application.FaultCode ?? "wifi-drops";
                yield return ("the same fault", true, (d, now) => d.ReportRepeatFault(id, new RepeatFault(code, "It is back"), now));
                yield return ("another fault", true, (d, now) => d.ReportRepeatFault(id, new RepeatFault("fan-noise", "A new noise"), now));
                yield return ("blank fault code", false, (d, now) => d.ReportRepeatFault(id, new RepeatFault(" ", "?"), now));
                break;
            case DisputeAction.ChooseExchange:
                yield return ("", true, (d, now) => d.ChooseExchange(id, now));
                break;
            case DisputeAction.ChooseRefund:
                yield return ("", true, (d, now) => d.ChooseRefund(id, now));
                break;
            case DisputeAction.Rate:
                yield return ("4 stars", true, (d, now) => d.Rate(id, new RatingInput(4, "Fine"), now));
                yield return ("0 stars", false, (d, now) => d.Rate(id, new RatingInput(0), now));
                break;

            // Service center
            case DisputeAction.ReceiveDevice:
                yield return ("", true, (d, now) => d.ReceiveDevice(id, now));
                break;
            case DisputeAction.ProposeVisit:
                yield return ("tomorrow morning", true, (d, now) => d.ProposeVisit(id, new VisitSlot(now.AddDays(1), now.AddDays(1).AddHours(3)), now));
                yield return ("in half an hour", false, (d, now) => d.ProposeVisit(id, new VisitSlot(now.AddMinutes(30), now.AddHours(3)), now));
                yield return ("ends before it starts", false, (d, now) => d.ProposeVisit(id, new VisitSlot(now.AddDays(1), now.AddHours(20)), now));
                break;
            case DisputeAction.AcceptVisit:
                yield return ("", true, (d, now) => d.AcceptVisit(id, now));
                break;
            case DisputeAction.RequestOtherSlot:
                yield return ("evenings only", true, (d, now) => d.RequestOtherSlot(id, new OtherSlotRequest("Evenings only"), now));
                yield return ("no reason", false, (d, now) => d.RequestOtherSlot(id, new OtherSlotRequest(" "), now));
                break;
            case DisputeAction.ReportVisit:
                yield return ("repaired on site", dispute.RepairFile?.WarrantyCovered == true,
                    (d, now) => d.ReportVisit(id, new VisitReport("Replaced the adapter", VisitOutcome.RepairedOnSite), now));
                yield return ("taken in", true, (d, now) => d.ReportVisit(id, new VisitReport("Needs the bench", VisitOutcome.TakenToServiceCenter), now));
                yield return ("no findings", false, (d, now) => d.ReportVisit(id, new VisitReport("", VisitOutcome.TakenToServiceCenter), now));
                break;
            case DisputeAction.Diagnose:
                var fee = new Amount(9000, ceiling.Currency);
                yield return ("covered", true, (d, now) => d.Diagnose(id, new Diagnosis(true, "Wi-Fi module"), now));
                yield return ($"quote {fee}", true, (d, now) => d.Diagnose(id, new Diagnosis(false, "Liquid inside", fee, FaultCause.LiquidDamage), now));
                yield return ("covered with a fee", false, (d, now) => d.Diagnose(id, new Diagnosis(true, "Wi-Fi module", fee), now));
                break;
            case DisputeAction.CompleteRepair:
                yield return ("repaired", true, (d, now) => d.CompleteRepair(id, new RepairReport(RepairResult.Repaired, "New module"), now));
                yield return ("blank notes", false, (d, now) => d.CompleteRepair(id, new RepairReport(RepairResult.Repaired, " "), now));
                break;
            case DisputeAction.ShipDeviceBack:
                yield return ("express", true, (d, now) => d.ShipDeviceBack(id, express, now));
                yield return ("blank tracking", false, (d, now) => d.ShipDeviceBack(id, blankTracking, now));
                break;

            // Either party, and arbitration
            case DisputeAction.Escalate when person:
                yield return ("unfair", true, (d, now) => d.Escalate(actor, new EscalationRequest("This is unfair"), now));
                yield return ("blank reason", false, (d, now) => d.Escalate(actor, new EscalationRequest(""), now));
                break;
            case DisputeAction.SubmitEvidence when person:
                yield return ("statement", true, (d, now) => d.SubmitEvidence(actor, new EvidenceSubmission("Here is what happened", ["ev-1"]), now));
                yield return ("empty", false, (d, now) => d.SubmitEvidence(actor, new EvidenceSubmission(" ", []), now));
                break;
            case DisputeAction.AssignArbitrator:
                yield return ("", true, (d, now) => d.AssignArbitrator(id, now));
                break;
            case DisputeAction.RequestMoreEvidence:
                yield return ("from the buyer", true, (d, now) => d.RequestMoreEvidence(id, new MoreEvidenceRequest(Party.Buyer, "The unboxing video"), now));
                yield return ("from the seller", true, (d, now) => d.RequestMoreEvidence(id, new MoreEvidenceRequest(Party.Seller, "The dispatch photos"), now));
                yield return ("from an arbitrator", false, (d, now) => d.RequestMoreEvidence(id, new MoreEvidenceRequest(Party.Arbitrator, "?"), now));
                break;
            case DisputeAction.FindEvidenceFalse:
                // Valid for a party whose evidence of this round is in and not yet found false.
                bool Judgeable(Party party) => dispute.Arbitration is { } round && round.EvidenceFrom.HasFlag(party) && !round.FoundFalse.HasFlag(party);
                yield return ("the seller's", Judgeable(Party.Seller),
                    (d, now) => d.FindEvidenceFalse(id, new FalseEvidenceFinding(Party.Seller, "The log is dated after the request"), now));
                yield return ("the buyer's", Judgeable(Party.Buyer),
                    (d, now) => d.FindEvidenceFalse(id, new FalseEvidenceFinding(Party.Buyer, "The video shows another device"), now));
                yield return ("no finding", false, (d, now) => d.FindEvidenceFalse(id, new FalseEvidenceFinding(Party.Seller, " "), now));
                yield return ("an arbitrator's", false, (d, now) => d.FindEvidenceFalse(id, new FalseEvidenceFinding(Party.Arbitrator, "?"), now));
                break;
            case DisputeAction.Rule or DisputeAction.OverturnRuling:
                foreach (var (name, valid, terms) in Rulings(half, over, canRepair))
                {
                    yield return (name, valid, action == DisputeAction.Rule
                        ? (d, now) => d.Rule(id, terms, now)
                        : (d, now) => d.OverturnRuling(id, terms, now));
                }

                break;
            case DisputeAction.AcceptRuling when person:
                yield return ("", true, (d, now) => d.AcceptRuling(actor, now));
                break;
            case DisputeAction.Appeal when person:
                yield return ("wrong", true, (d, now) => d.Appeal(actor, new AppealRequest("The ruling is wrong"), now));
                yield return ("blank reason", false, (d, now) => d.Appeal(actor, new AppealRequest(" "), now));
                break;
            case DisputeAction.AssignAppealReviewer:
                yield return ("", true, (d, now) => d.AssignAppealReviewer(id, now));
                break;
            case DisputeAction.UpholdRuling:
                yield return ("stands", true, (d, now) => d.UpholdRuling(id, new ReviewDecision("The ruling stands"), now));
                yield return ("blank rationale", false, (d, now) => d.UpholdRuling(id, new ReviewDecision(""), now));
                break;
            case DisputeAction.SendMessage when person:
                yield return ("hello", true, (d, now) => d.SendMessage(actor, new MessageText("Hello"), now));
                yield return ("blank", false, (d, now) => d.SendMessage(actor, new MessageText(" "), now));
                break;

            // Refunds: the gateway's answers are the system's; a retry is the system's, an arbitrator's or the seller's.
            case DisputeAction.RetryRefund:
                yield return ("", true, (d, now) => d.RetryRefund(actor, now));
                break;
            case DisputeAction.RecordRefundSuccess when actor.Party == Party.System:
                yield return ("paid", true, (d, now) => d.RecordRefundSuccess(new RefundResult("gw-1"), now));
                yield return ("no reference", false, (d, now) => d.RecordRefundSuccess(new RefundResult(" "), now));
                break;
            case DisputeAction.RecordRefundFailure when actor.Party == Party.System:
                yield return ("bank offline", true, (d, now) => d.RecordRefundFailure(new RefundResult(null, "bank offline"), now));
                yield return ("no failure", false, (d, now) => d.RecordRefundFailure(new RefundResult(null, ""), now));
                break;
            case DisputeAction.RecordChargeSuccess when actor.Party == Party.System:
                yield return ("charged", true, (d, now) => d.Take(Actor.System, DisputeAction.RecordChargeSuccess, new ChargeResult("pay-1"), now));
                yield return ("no reference", false, (d, now) => d.Take(Actor.System, DisputeAction.RecordChargeSuccess, new ChargeResult(" "), now));
                break;
            case DisputeAction.RecordChargeFailure when actor.Party == Party.System:
                yield return ("card declined", true, (d, now) => d.Take(Actor.System, DisputeAction.RecordChargeFailure, new ChargeResult(null, "card declined"), now));
                yield return ("no failure", false, (d, now) => d.Take(Actor.System, DisputeAction.RecordChargeFailure, new ChargeResult(null, ""), now));
                break;
            case DisputeAction.RecordFeeRefund when actor.Party == Party.System:
                yield return ("refunded", true, (d, now) => d.Take(Actor.System, DisputeAction.RecordFeeRefund, new ChargeResult("gw-charge-1"), now));
                yield return ("no reference", false, (d, now) => d.Take(Actor.System, DisputeAction.RecordFeeRefund, new ChargeResult(""), now));
                break;
            case var declared when person && DisputeActions.Of(declared).Route is not null:
                // A person's action without variants above is tried as its declaration describes it, through the
                // same entry point as the API: with the declared example, or with no details.
                var example = DisputeActions.Of(declared).Example;
                yield return ("declared example", true, (d, now) => d.Take(actor, declared, example, now));
                break;
            default:
                break; // the system's other actions are deadline expiries, taken through ExpireDeadline
        }
    }

    private static IEnumerable<(string, bool, OfferTerms)> Offers(Amount half, Amount ceiling, Amount over, bool canRepair, ProductVariant? cheaper)
    {
        yield return ($"keep the item, {half}", true, new OfferTerms(Remedy.RefundKeepItem, half, "Keep it"));
        yield return ($"return, {ceiling}", true, new OfferTerms(Remedy.ReturnAndRefund, ceiling, "Send it back"));
        yield return ("exchange", true, new OfferTerms(Remedy.Exchange, null, "A new one"));
        if (cheaper is not null)
        {
            yield return ("exchange for a cheaper variant", true, new OfferTerms(Remedy.Exchange, null, "The white one", cheaper));
            yield return ("exchange for a dearer variant", true,
                new OfferTerms(Remedy.Exchange, null, "The pro one", cheaper with { UnitPrice = cheaper.UnitPrice + new Amount(100_000, cheaper.UnitPrice.Currency) }));
        }

        yield return ("repair", canRepair, new OfferTerms(Remedy.Repair, null, "We repair it"));
        yield return ($"keep the item, {over}", false, new OfferTerms(Remedy.RefundKeepItem, over, "Too much"));
        yield return ("blank terms", false, new OfferTerms(Remedy.Exchange, null, " "));
    }

    private static IEnumerable<(string, bool, RulingTerms)> Rulings(Amount half, Amount over, bool canRepair)
    {
        yield return ("full refund", true, new RulingTerms(RulingOutcome.FullRefund, Rationale: "Faulty"));
        yield return ($"partial refund {half}, 2 points", true, new RulingTerms(RulingOutcome.PartialRefund, half, "Partly", PenaltyPoints: 2, PenaltyReason: "Slow"));
        yield return ("return and refund", true, new RulingTerms(RulingOutcome.ReturnAndRefund, Rationale: "Send it back", ReturnShippingPayer: ShippingPayer.Buyer));
        yield return ("replace", true, new RulingTerms(RulingOutcome.Replace, Rationale: "Replace it"));
        yield return ("repair", canRepair, new RulingTerms(RulingOutcome.Repair, Rationale: "Repair it"));
        yield return ("claim rejected", true, new RulingTerms(RulingOutcome.ClaimRejected, Rationale: "Wear and tear"));
        yield return ($"partial refund {over}", false, new RulingTerms(RulingOutcome.PartialRefund, over, "Too much"));
        yield return ("no rationale", false, new RulingTerms(RulingOutcome.FullRefund));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    // Another colour of the item asked about, 20 cheaper (free when the item costs less than that).
    private static ProductVariant? CheaperVariant(Dispute dispute) => dispute.Lines[0].UnitPrice is { } price
        ? new ProductVariant("OTHER-COLOUR", "white", Amount.Max(Amount.Zero(price.Currency), price - Amount.FromMajor(20, price.Currency)))
        : null;

    private static Amount Postage(Amount like, decimal major) => Amount.FromMajor(major, like.Currency);

    // The request's units back but one fewer of the first line, when something still comes back.
    private static IReadOnlyList<RequestedLine>? PartialReceipt(Dispute dispute)
    {
        var units = dispute.Lines.Where(l => l.GiftFor is null).Sum(l => l.Units ?? 1);
        return units < 2 ? null : [.. dispute.Lines.Select((l, i) => new RequestedLine(l.LineId, (l.Units ?? 1) - (i == 0 ? 1 : 0)))];
    }
}
