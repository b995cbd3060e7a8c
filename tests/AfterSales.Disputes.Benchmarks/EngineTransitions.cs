using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Flows;
using AfterSales.Disputes.Testing;

namespace AfterSales.Disputes.Benchmarks;

/// <summary>
/// E1: the flow engine in memory — a seller and a buyer passing a case back and forth through guarded actions,
/// each step starting the next step's deadline, as a dispute's negotiation does.
/// </summary>
internal static class EngineTransitions
{
    private enum Step { AwaitingSeller, AwaitingBuyer }

    private enum Move { Offer, Counter, Lapse }

    private sealed class Negotiation
    {
        public int Offers { get; set; }
    }

    // The flow both loops run: a seller and a buyer passing the case back and forth, each step with a deadline.
    private static FlowDefinition<Step, Move, Party, Negotiation> Flow() =>
        FlowBuilder<Step, Move, Party, Negotiation>.Create("negotiation", 1, Step.AwaitingSeller, system: Party.System)
            .In(Step.AwaitingSeller)
                .Deadline(_ => DeadlineSpan.Days(2), Move.Lapse, "seller response window")
                .PermitIf(Move.Offer, Step.AwaitingBuyer, Party.Seller, c => c.Offers < int.MaxValue, "offers left")
                .Permit(Move.Lapse, Step.AwaitingBuyer, Party.System)
            .In(Step.AwaitingBuyer)
                .Deadline(_ => DeadlineSpan.Days(5), Move.Lapse, "offer response window")
                .PermitIf(Move.Counter, Step.AwaitingSeller, Party.Buyer, c => c.Offers < int.MaxValue, "offers left")
                .Permit(Move.Lapse, Step.AwaitingSeller, Party.System)
            .Build();

    public static (double PerSecond, double BytesPerTransition) Run(TimeSpan budget)
    {
        var flow = Flow();
        var negotiation = new Negotiation();
        var now = new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);
        var state = Step.AwaitingSeller;
        var deadline = flow.StartDeadline(state, negotiation, now);
        return Measure.Rate(budget, () =>
        {
            var (move, by) = state == Step.AwaitingSeller ? (Move.Offer, Party.Seller) : (Move.Counter, Party.Buyer);
            var result = flow.Fire(state, deadline, move, by, negotiation, now);
            if (!result.IsAccepted)
            {
                throw new InvalidOperationException(result.ToString());
            }

            (state, deadline) = (result.Transition.To, result.Transition.Deadline);
            negotiation.Offers++;
        });
    }

    /// <summary>
    /// E1stateless: the same loop on the same flow compiled into a Stateless machine (the tests' reference:
    /// external state, immediate firing, the party and the guard as labelled guards). Stateless starts no
    /// deadline, so this loop does less work than E1's.
    /// </summary>
    public static (double PerSecond, double BytesPerTransition) RunOnStateless(TimeSpan budget)
    {
        var machine = new StatelessReference<Step, Move, Negotiation>(Flow());
        var negotiation = new Negotiation();
        var state = Step.AwaitingSeller;
        return Measure.Rate(budget, () =>
        {
            var (move, by) = state == Step.AwaitingSeller ? (Move.Offer, Party.Seller) : (Move.Counter, Party.Buyer);
            var answer = machine.Fire(state, move, by, negotiation, null);
            if (!answer.Accepted)
            {
                throw new InvalidOperationException(answer.ToString());
            }

            state = answer.To!.Value;
            negotiation.Offers++;
        });
    }
}
