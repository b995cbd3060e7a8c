using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Orders;
using AfterSales.Disputes.Policies;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Testing;

/// <summary>One random step: which dispute, who acts (with the right id or a stranger's), what, with which details, how much later.</summary>
public sealed record SimulationStep(int Dispute, int Party, bool Stranger, int Pick, int Detail, int Amount, int Hours, int Kind, int Line)
{
    /// <summary>
    /// <paramref name="count"/> steps drawn from a seeded generator, so that a failing run is reproduced
    /// from its seed and length alone.
    /// </summary>
    public static SimulationStep[] Run(int seed, int count)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(_ => new SimulationStep(random.Next(51), random.Next(5), random.Next(7) == 0, random.Next(1000), random.Next(1000),
                random.Next(7), random.Next(97), random.Next(4), random.Next(2)))
            .ToArray();
    }
}

/// <summary>
/// Drives disputes on one order with random steps. Most steps pick among the actions the acting party
/// may take (so deep states are reached); some pick any action of the flow, and some come from strangers,
/// so refusals are exercised too. Every step is recorded for the invariants to check.
/// </summary>
public sealed class DisputeSimulation
{
    private static readonly Party[] s_parties = [Party.Buyer, Party.Seller, Party.Arbitrator, Party.ServiceCenter, Party.System];
    private static readonly decimal[] s_yuan = [0, 1, 50, 120, 399, 400, 1000];
    private static readonly RequestKind[] s_kinds = Enum.GetValues<RequestKind>();
    private static readonly string[] s_lines = ["line-router", "line-cable"];

    private readonly List<Dispute> _disputes = [];
    private DateTimeOffset _now = Delivered.AddDays(1);

    public DisputeSimulation(Order order) => Order = order;

    public Order Order { get; }

    public IReadOnlyList<Dispute> Disputes => _disputes;

    /// <summary>Each attempted action: the dispute, its state and version before, the result.</summary>
    public List<(Dispute Dispute, DisputeState Before, int VersionBefore, bool WasClosed, DisputeResult Result)> Attempts { get; } = [];

    public void Run(IEnumerable<SimulationStep> steps)
    {
        foreach (var step in steps)
        {
            _now = _now.AddHours(step.Hours);
            if (_disputes.Count == 0 || step.Dispute % 7 == 0)
            {
                TryOpen(step);
                continue;
            }

            var dispute = _disputes[step.Dispute % _disputes.Count];
            var (before, version, closed) = (dispute.State, dispute.Version, dispute.IsClosed);
            var result = Act(dispute, step);
            Attempts.Add((dispute, before, version, closed, result));
        }
    }

    private void TryOpen(SimulationStep step)
    {
        var kind = s_kinds[step.Kind % s_kinds.Length];
        var line = s_lines[step.Line % s_lines.Length];
        var paysMoney = kind is RequestKind.RefundOnly or RequestKind.ReturnAndRefund;
        var request = Request(kind, kind == RequestKind.RefundOnly ? RequestReason.Defective : kind == RequestKind.ReturnAndRefund ? RequestReason.NoReason : RequestReason.Defective,
            paysMoney ? Yuan(s_yuan[step.Amount % s_yuan.Length]) : null, disputeId: $"d-{_disputes.Count + 1}", lineId: line,
            claimsShipping: step.Stranger && paysMoney, repair: kind == RequestKind.Repair ? RouterRepair() : null,
            includedLines: kind is RequestKind.ReturnAndRefund or RequestKind.Exchange && line == "line-router" ? ["line-gift"] : []);
        var outcome = Dispute.Open(request, OrderRefunds.Of(Order, _disputes), PolicyFor(Order, request.LineId), _now);
        if (outcome.Dispute is { } opened)
        {
            _disputes.Add(opened);
        }
    }

    private DisputeResult Act(Dispute dispute, SimulationStep step)
    {
        var actor = ActorFor(dispute, s_parties[step.Party % s_parties.Length], step.Stranger);
        var allowed = dispute.AllowedActions(actor, _now);
        var action = allowed.Count > 0 && step.Pick % 5 != 0
            ? allowed[step.Pick % allowed.Count]
            : dispute.Flow.Actions[step.Pick % dispute.Flow.Actions.Count];
        if (actor.Party == Party.System && dispute.Deadline is { } deadline && step.Detail % 3 == 0)
        {
            _now = deadline.IsPaused ? _now : Max(_now, deadline.DueAt);
            return dispute.ExpireDeadline(_now);
        }

        return Perform(dispute, action, actor, Yuan(s_yuan[step.Amount % s_yuan.Length]), step);
    }

    private DisputeResult Perform(Dispute d, DisputeAction action, Actor actor, Amount amount, SimulationStep step)
    {
        var id = actor.Id;
        var shipment = new ShipmentDetails("SF", $"SF{step.Pick}");
        var remedy = (Remedy)(step.Detail % 4);
        var outcome = (RulingOutcome)(step.Detail % 6);
        var ruling = new RulingTerms(outcome, outcome == RulingOutcome.PartialRefund || step.Stranger ? amount : null, "because", ShippingPayer.Seller, step.Line % 3);
        ruling = ruling.PenaltyPoints > 0 ? ruling with { PenaltyReason = "penalty" } : ruling;
        return action switch
        {
            DisputeAction.Approve => d.Approve(id, _now),
            DisputeAction.Reject => d.Reject(id, new RejectionReason("code"), _now),
            DisputeAction.ProposeOffer => d.ProposeOffer(id, new OfferTerms(remedy, remedy is Remedy.Exchange or Remedy.Repair ? null : amount, "terms"), _now),
            DisputeAction.CounterOffer => d.CounterOffer(id, new OfferTerms(remedy, remedy is Remedy.Exchange or Remedy.Repair ? null : amount, "terms"), _now),
            DisputeAction.AcceptOffer => d.AcceptOffer(id, _now),
            DisputeAction.DeclineOffer => d.DeclineOffer(id, _now),
            DisputeAction.Withdraw => d.Withdraw(id, _now),
            DisputeAction.ShipReturn => d.ShipReturn(id, shipment, _now),
            DisputeAction.ConfirmReceipt => d.ConfirmReceipt(id, step.Stranger
                ? new ConditionReport(ConditionIssue.Damaged, ["photo"], amount)
                : new ConditionReport(ConditionIssue.None, []), _now),
            DisputeAction.AcceptProblemReport => d.AcceptProblemReport(id, _now),
            DisputeAction.ShipReplacement => d.ShipReplacement(id, shipment, _now),
            DisputeAction.ConfirmReplacement => d.ConfirmReplacement(id, _now),
            DisputeAction.RecordRefundSuccess => d.RecordRefundSuccess(new RefundResult("pay"), _now),
            DisputeAction.RecordRefundFailure => d.RecordRefundFailure(new RefundResult(null, "down"), _now),
            DisputeAction.RetryRefund => d.RetryRefund(actor, _now),
            DisputeAction.ShipDevice => d.ShipDevice(id, shipment, _now),
            DisputeAction.ReceiveDevice => d.ReceiveDevice(id, _now),
            DisputeAction.Diagnose => d.Diagnose(id, step.Stranger ? new Diagnosis(false, "damage", Yuan(90)) : new Diagnosis(true, "fault"), _now),
            DisputeAction.AcceptQuote => d.AcceptQuote(id, _now),
            DisputeAction.DeclineQuote => d.DeclineQuote(id, _now),
            DisputeAction.CompleteRepair => d.CompleteRepair(id, new RepairReport(RepairResult.Repaired, "fixed"), _now),
            DisputeAction.ShipDeviceBack => d.ShipDeviceBack(id, shipment, _now),
            DisputeAction.ConfirmRepair => d.ConfirmRepair(id, _now),
            DisputeAction.ReportRepeatFault => d.ReportRepeatFault(id, new RepeatFault("wifi-drops", "again"), _now),
            DisputeAction.ChooseExchange => d.ChooseExchange(id, _now),
            DisputeAction.ChooseRefund => d.ChooseRefund(id, _now),
            DisputeAction.Escalate => d.Escalate(actor, new EscalationRequest("unfair"), _now),
            DisputeAction.SubmitEvidence => d.SubmitEvidence(actor, new EvidenceSubmission("look", ["e"]), _now),
            DisputeAction.AssignArbitrator => d.AssignArbitrator(id, _now),
            DisputeAction.RequestMoreEvidence => d.RequestMoreEvidence(id, new MoreEvidenceRequest(step.Stranger ? Party.Seller : Party.Buyer, "more"), _now),
            DisputeAction.Rule => d.Rule(id, ruling, _now),
            DisputeAction.AcceptRuling => d.AcceptRuling(actor, _now),
            DisputeAction.Appeal => d.Appeal(actor, new AppealRequest("no"), _now),
            DisputeAction.AssignAppealReviewer => d.AssignAppealReviewer(id, _now),
            DisputeAction.UpholdRuling => d.UpholdRuling(id, new ReviewDecision("stands"), _now),
            DisputeAction.OverturnRuling => d.OverturnRuling(id, ruling, _now),
            DisputeAction.SendMessage => d.SendMessage(actor, new MessageText("hello"), _now),
            DisputeAction.Rate => d.Rate(id, new RatingInput(step.Detail % 7), _now),
            _ => d.ExpireDeadline(_now), // the system's own actions come from deadlines
        };
    }

    private static Actor ActorFor(Dispute dispute, Party party, bool stranger) => party switch
    {
        Party.Buyer => Actor.Buyer(stranger ? OtherBuyer : dispute.BuyerId),
        Party.Seller => Actor.Seller(stranger ? Reseller : dispute.StoreId),
        Party.Arbitrator => Actor.Arbitrator(stranger ? SecondArbitrator : Arbitrator),
        Party.ServiceCenter => Actor.ServiceCenter(stranger ? "sc-other" : ServiceCenter),
        _ => Actor.System,
    };

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
