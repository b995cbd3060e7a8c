using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Flows;

namespace AfterSales.Disputes.Tests.Soundness;

/// <summary>The steps of the toy claim the explorer's own tests run on.</summary>
public enum ClaimState
{
    /// <summary>The seller answers; silence approves.</summary>
    AwaitingSeller,

    /// <summary>The seller put the claim on hold.</summary>
    OnHold,

    /// <summary>The refund is being paid.</summary>
    Paying,

    /// <summary>Over.</summary>
    Closed,
}

/// <summary>What can be done on a toy claim.</summary>
public enum ClaimAction
{
    /// <summary>Seller approves, with a note.</summary>
    Approve,

    /// <summary>System approves on the seller's silence.</summary>
    AutoApprove,

    /// <summary>Seller puts the claim on hold.</summary>
    Hold,

    /// <summary>The claim comes off hold.</summary>
    Resume,

    /// <summary>The gateway pays an amount.</summary>
    Pay,

    /// <summary>A service center looks at the claim.</summary>
    Inspect,

    /// <summary>Buyer withdraws.</summary>
    Withdraw,
}

/// <summary>One deliberate defect per soundness property, or none.</summary>
public enum ClaimDefect
{
    /// <summary>A sound claim: the control.</summary>
    None,

    /// <summary>a. On hold, the only way out has a guard that never holds, and no deadline.</summary>
    NobodyCanMove,

    /// <summary>b. On hold, only the seller can move the claim: no deadline.</summary>
    NoDeadline,

    /// <summary>c. Approval is listed, but an argument guard refuses every note a seller would write.</summary>
    DishonestMenu,

    /// <summary>d. Paying books the amount twice.</summary>
    PaysTwice,

    /// <summary>e. Approval records a counter that lives outside the timeline.</summary>
    NotReplayable,

    /// <summary>f. The service center may inspect the claim but may not see it.</summary>
    HiddenFromActor,
}

/// <summary>A note on an approval.</summary>
/// <param name="Text">The note.</param>
public sealed record ClaimNote(string Text);

/// <summary>An amount paid, in minor units.</summary>
/// <param name="MinorUnits">The amount.</param>
public sealed record ClaimAmount(long MinorUnits);

/// <summary>
/// A toy claim on the real flow engine, with one switchable defect per property: the fixture that shows
/// the explorer fails each of a–f with a readable, shortest counterexample.
/// </summary>
public sealed class ToyClaim
{
    /// <summary>What the buyer paid.</summary>
    public const long Paid = 10_000;

    private static int s_approvals; // the NotReplayable defect's state outside the timeline

    private readonly List<(Party Party, ClaimAction Action, object? Argument, DateTimeOffset At)> _events = [];

    /// <summary>Opens a claim with <paramref name="defect"/>.</summary>
    public ToyClaim(ClaimDefect defect, DateTimeOffset now)
    {
        Defect = defect;
        Flow = FlowFor(defect);
        State = Flow.Initial;
        Deadline = Flow.StartDeadline(State, this, now);
        Now = now;
    }

    /// <summary>The defect built in.</summary>
    public ClaimDefect Defect { get; }

    /// <summary>The claim's flow.</summary>
    public FlowDefinition<ClaimState, ClaimAction, Party, ToyClaim> Flow { get; }

    /// <summary>The current step.</summary>
    public ClaimState State { get; private set; }

    /// <summary>The live deadline.</summary>
    public Deadline<ClaimAction>? Deadline { get; private set; }

    /// <summary>The clock.</summary>
    public DateTimeOffset Now { get; set; }

    /// <summary>Refunded so far.</summary>
    public long Refunded { get; private set; }

    /// <summary>The approval's note.</summary>
    public string? ApprovalNote { get; private set; }

    /// <summary>Every accepted action.</summary>
    public IReadOnlyList<(Party Party, ClaimAction Action, object? Argument, DateTimeOffset At)> Events => _events;

    /// <summary>Who may see the claim: everyone involved, but with the defect the service center only while paying.</summary>
    public bool IsVisibleTo(Party party) => Defect != ClaimDefect.HiddenFromActor || party != Party.ServiceCenter || State == ClaimState.Paying;

    /// <summary>Re-applies the events of <paramref name="claim"/> to a new claim.</summary>
    public static ToyClaim Rebuild(ToyClaim claim, DateTimeOffset openedAt)
    {
        var rebuilt = new ToyClaim(claim.Defect, openedAt);
        foreach (var (party, action, argument, at) in claim.Events)
        {
            rebuilt.Fire(party, action, argument, at);
        }

        rebuilt.Now = claim.Now;
        return rebuilt;
    }

    /// <summary>Takes an action; true when accepted.</summary>
    public bool Fire(Party party, ClaimAction action, object? argument, DateTimeOffset now)
    {
        var fired = argument switch
        {
            ClaimNote note => Flow.Fire(State, Deadline, action, party, this, note, now),
            ClaimAmount amount => Flow.Fire(State, Deadline, action, party, this, amount, now),
            _ => Flow.Fire(State, Deadline, action, party, this, now),
        };
        if (!fired.IsAccepted)
        {
            return false;
        }

        switch (action, argument)
        {
            case (ClaimAction.Approve, ClaimNote note):
                ApprovalNote = Defect == ClaimDefect.NotReplayable ? $"approval #{Interlocked.Increment(ref s_approvals)}" : note.Text;
                break;
            case (ClaimAction.Pay, ClaimAmount amount):
                Refunded += Defect == ClaimDefect.PaysTwice ? 2 * amount.MinorUnits : amount.MinorUnits;
                break;
            default:
                break;
        }

        State = fired.Transition.To;
        Deadline = fired.Transition.Deadline;
        _events.Add((party, action, argument, now));
        return true;
    }

    private static FlowDefinition<ClaimState, ClaimAction, Party, ToyClaim> FlowFor(ClaimDefect defect)
    {
        var flow = FlowBuilder<ClaimState, ClaimAction, Party, ToyClaim>.Create($"toy-{defect}", version: 1, initial: ClaimState.AwaitingSeller, system: Party.System)
            .Takes<ClaimNote>(ClaimAction.Approve)
            .Takes<ClaimAmount>(ClaimAction.Pay);
        var awaiting = flow.In(ClaimState.AwaitingSeller)
            .Deadline(_ => DeadlineSpan.Days(2), expiresWith: ClaimAction.AutoApprove, "seller response window")
            .Permit(ClaimAction.AutoApprove, ClaimState.Paying, Party.System)
            .Permit(ClaimAction.Hold, ClaimState.OnHold, Party.Seller)
            .Permit(ClaimAction.Withdraw, ClaimState.Closed, Party.Buyer)
            .PermitInternal(ClaimAction.Inspect, Party.ServiceCenter);
        _ = defect == ClaimDefect.DishonestMenu
            ? awaiting.PermitIf<ClaimNote>(ClaimAction.Approve, ClaimState.Paying, Party.Seller, (_, note) => note.Text.Length > 100, "the note is over 100 characters")
            : awaiting.Permit(ClaimAction.Approve, ClaimState.Paying, Party.Seller);
        var onHold = flow.In(ClaimState.OnHold);
        _ = defect switch
        {
            ClaimDefect.NobodyCanMove => onHold.PermitIf(ClaimAction.Resume, ClaimState.AwaitingSeller, Party.Seller, _ => false, "the claim was reopened"),
            ClaimDefect.NoDeadline => onHold.Permit(ClaimAction.Resume, ClaimState.AwaitingSeller, Party.Seller),
            _ => onHold.Deadline(_ => DeadlineSpan.Days(3), expiresWith: ClaimAction.Resume, "hold")
                .Permit(ClaimAction.Resume, ClaimState.AwaitingSeller, Party.Seller | Party.System),
        };
        flow.In(ClaimState.Paying).Permit(ClaimAction.Pay, ClaimState.Closed, Party.System);
        flow.In(ClaimState.Closed).Terminal();
        return flow.Build();
    }
}

/// <summary>A toy claim under exploration.</summary>
public sealed class ClaimSubject(ToyClaim claim, DateTimeOffset openedAt) : IExplorationSubject<ClaimSubject>
{
    private static readonly Party[] s_parties = [Party.Buyer, Party.Seller, Party.ServiceCenter, Party.System];

    /// <summary>The claim.</summary>
    public ToyClaim Claim { get; } = claim;

    /// <inheritdoc/>
    public string Kind => "toy claim";

    /// <inheritdoc/>
    public string Key => $"{Claim.State}|{Claim.Refunded}|{Claim.ApprovalNote is not null}";

    /// <inheritdoc/>
    public bool IsFinished => Claim.Flow.IsTerminal(Claim.State);

    /// <inheritdoc/>
    public TimeSpan SilenceBound => TimeSpan.FromDays(5);

    /// <inheritdoc/>
    public ClaimSubject Copy() => new(ToyClaim.Rebuild(Claim, openedAt), openedAt);

    /// <inheritdoc/>
    public IReadOnlyList<Move> Moves() =>
    [
        .. s_parties.SelectMany(party => Claim.Flow.Actions.SelectMany(action => Arguments(action).Select(argument =>
            new Move(party.ToString(), action.ToString(), argument.Text, argument.Valid, (party, action, argument.Value))))),
    ];

    /// <inheritdoc/>
    public bool IsListed(Move move)
    {
        var (party, action, _) = ((Party, ClaimAction, object?))move.Token!;
        return Claim.Flow.PermittedActions(Claim.State, party, Claim).Contains(action);
    }

    /// <inheritdoc/>
    public bool Take(Move move)
    {
        var (party, action, argument) = ((Party, ClaimAction, object?))move.Token!;
        return Claim.Fire(party, action, argument, Claim.Now);
    }

    /// <inheritdoc/>
    public string Snapshot() => $"{Claim.State}|{Claim.Deadline}|{Claim.Refunded}|{Claim.ApprovalNote}|{Claim.Events.Count}";

    /// <inheritdoc/>
    public (string Step, TimeSpan Elapsed)? Silence()
    {
        if (Claim.State == ClaimState.Paying)
        {
            Claim.Fire(Party.System, ClaimAction.Pay, new ClaimAmount(ToyClaim.Paid), Claim.Now);
            return ("the gateway pays", TimeSpan.Zero);
        }

        if (Claim.Deadline is not { } deadline)
        {
            return null;
        }

        var before = Claim.Now;
        Claim.Now = deadline.DueAt;
        Claim.Fire(Party.System, deadline.ExpiresWith, null, Claim.Now);
        return ($"{deadline.ExpiresWith}", Claim.Now - before);
    }

    /// <inheritdoc/>
    public IEnumerable<(Property Property, string Detail)> Check()
    {
        if (Claim.Refunded > ToyClaim.Paid)
        {
            yield return (Property.Money, $"refunded {Claim.Refunded}, paid {ToyClaim.Paid}");
        }

        if (new ClaimSubject(ToyClaim.Rebuild(Claim, openedAt), openedAt).Snapshot() != Snapshot())
        {
            yield return (Property.Replay, $"the rebuilt claim differs from the live one in state {Claim.State}");
        }

        foreach (var party in s_parties.Where(p => Claim.Flow.PermittedActions(Claim.State, p, Claim).Count > 0 && !Claim.IsVisibleTo(p)))
        {
            yield return (Property.Visibility, $"{party} can act but cannot see the claim in state {Claim.State}");
        }
    }

    private static IEnumerable<(string Text, bool Valid, object? Value)> Arguments(ClaimAction action) => action switch
    {
        ClaimAction.Approve => [("looks fine", true, new ClaimNote("Looks fine"))],
        ClaimAction.Pay => [("100.00", true, new ClaimAmount(ToyClaim.Paid))],
        _ => [("", true, null)],
    };
}
