namespace AfterSales.Disputes.Tests.Soundness;

/// <summary>The soundness properties an explored configuration must have; each violation names one.</summary>
public enum Property
{
    /// <summary>a. Some party, or the system through a deadline, has an accepted action that moves the case on (a message does not).</summary>
    Progress,

    /// <summary>b. If every person goes silent, the deadlines alone close the case within the policy's bound.</summary>
    Termination,

    /// <summary>c. The actions a party is shown are exactly the ones it may take; bad input is refused and changes nothing.</summary>
    HonestMenus,

    /// <summary>d. Refunds paid and pending never exceed what was paid, per line and per order.</summary>
    Money,

    /// <summary>e. Rebuilding the case from its timeline gives the live case.</summary>
    Replay,

    /// <summary>f. Every party that can act next can see the case.</summary>
    Visibility,

    /// <summary>
    /// g. The store's points are what the case's events incur: each penalty names an event of its case, positive points,
    /// a ruling's penalty a ruling still in force, and the scorecard counts them all.
    /// </summary>
    Penalties,
}

/// <summary>One thing a party can try: who, what, with which argument, and whether that argument is valid.</summary>
/// <param name="Party">The acting party, as "Buyer buyer-1".</param>
/// <param name="Action">The action.</param>
/// <param name="Variant">Which argument, in words.</param>
/// <param name="ValidArgument">False for an argument the engine must refuse whatever the state.</param>
/// <param name="Token">What the subject needs to take the move on any copy of itself (not part of its text).</param>
public sealed record Move(string Party, string Action, string Variant, bool ValidArgument, object? Token = null)
{
    /// <summary>"Seller store-1: ProposeOffer(RefundKeepItem 199.50)".</summary>
    public override string ToString() => Variant.Length == 0 ? $"{Party}: {Action}" : $"{Party}: {Action}({Variant})";
}

/// <summary>What the explorer drives: a case (or the cases of one order) behind a public API.</summary>
/// <typeparam name="TSelf">The subject type itself.</typeparam>
public interface IExplorationSubject<TSelf>
    where TSelf : IExplorationSubject<TSelf>
{
    /// <summary>The group its silent paths are reported under (the kind of request).</summary>
    string Kind { get; }

    /// <summary>Equal for configurations that behave alike: state, remedy, rounds and what is recorded, never times.</summary>
    string Key { get; }

    /// <summary>True once the case is over (the flow's terminal state).</summary>
    bool IsFinished { get; }

    /// <summary>How long the deadlines alone may take to close the case from any configuration, derived from its frozen policy.</summary>
    TimeSpan SilenceBound { get; }

    /// <summary>An independent copy.</summary>
    TSelf Copy();

    /// <summary>Every move to try here: every action of every party, with valid arguments and a few invalid ones.</summary>
    IReadOnlyList<Move> Moves();

    /// <summary>Whether the move's action is on its party's menu now.</summary>
    bool IsListed(Move move);

    /// <summary>Takes the move; true when accepted.</summary>
    bool Take(Move move);

    /// <summary>Everything observable, with times: a refused move must leave it as it was.</summary>
    string Snapshot();

    /// <summary>
    /// The step nobody decides, if any: the live deadline expiring (the clock moves to it) or a port the
    /// platform implements answering (the refund gateway). Null when only a person could move the case.
    /// </summary>
    /// <returns>The step in words and how much time passed, or null.</returns>
    (string Step, TimeSpan Elapsed)? Silence();

    /// <summary>Violations of money (d), replay (e) and visibility (f) in this configuration.</summary>
    IEnumerable<(Property Property, string Detail)> Check();
}

/// <summary>A violation with the shortest path of moves from opening that reaches it.</summary>
/// <param name="Property">Which property fails.</param>
/// <param name="Detail">What is wrong.</param>
/// <param name="Path">The moves from opening, in order.</param>
public sealed record Violation(Property Property, string Detail, IReadOnlyList<string> Path)
{
    /// <summary>A readable counterexample.</summary>
    public override string ToString() =>
        $"{Property}: {Detail}\n  from opening: {(Path.Count == 0 ? "(the opened case itself)" : string.Join("\n    -> ", Path))}";
}

/// <summary>What an exploration found and how much it covered.</summary>
public sealed class ExplorationReport
{
    /// <summary>Distinct configurations checked.</summary>
    public int Configurations { get; set; }

    /// <summary>Accepted moves taken (each leads to a configuration, new or already seen).</summary>
    public long Transitions { get; set; }

    /// <summary>Moves tried in all (accepted and refused).</summary>
    public long Attempts { get; set; }

    /// <summary>Violations, the first of each property and kind of detail.</summary>
    public List<Violation> Violations { get; } = [];

    /// <summary>The longest silent path to the end, per kind.</summary>
    public Dictionary<string, TimeSpan> LongestSilence { get; } = [];

    /// <summary>The states (or other labels) reached, per kind.</summary>
    public Dictionary<string, HashSet<string>> Reached { get; } = [];

    /// <summary>Adds another report's counts.</summary>
    public void Add(ExplorationReport other)
    {
        Configurations += other.Configurations;
        Transitions += other.Transitions;
        Attempts += other.Attempts;
        Violations.AddRange(other.Violations);
        foreach (var (kind, days) in other.LongestSilence)
        {
            LongestSilence[kind] = LongestSilence.TryGetValue(kind, out var known) && known > days ? known : days;
        }

        foreach (var (kind, labels) in other.Reached)
        {
            Reached.TryAdd(kind, []);
            Reached[kind].UnionWith(labels);
        }
    }
}

/// <summary>How far to explore.</summary>
/// <param name="Depth">Breadth-first up to this many moves from opening.</param>
/// <param name="Walks">Random walks started from configurations at the depth bound.</param>
/// <param name="WalkLength">Moves per random walk.</param>
/// <param name="Seed">Seed of the random walks.</param>
public sealed record ExplorationBounds(int Depth, int Walks, int WalkLength, int Seed = 1);

/// <summary>
/// Explores the reachable configurations of a subject breadth-first, merging equivalent ones, then walks
/// at random past the depth bound; checks every property at every configuration it reaches. Breadth
/// first, the path kept with each configuration is a shortest one, so a counterexample is as short as it
/// gets.
/// </summary>
public static class Explorer
{
    private const int MaxSilentSteps = 64;

    /// <summary>Explores from <paramref name="opened"/>, or from where <paramref name="script"/> leads from it.</summary>
    /// <param name="opened">The case as opened.</param>
    /// <param name="bounds">How far.</param>
    /// <param name="label">What to record as reached for a configuration (its state).</param>
    /// <param name="script">Moves (as <see cref="Move.ToString"/> writes them) to take first; each must be listed and accepted.</param>
    /// <exception cref="InvalidOperationException">A move of the script is not on its party's menu, or is refused.</exception>
    public static ExplorationReport Explore<TSubject>(TSubject opened, ExplorationBounds bounds, Func<TSubject, string> label, IReadOnlyList<string>? script = null)
        where TSubject : IExplorationSubject<TSubject>
    {
        ArgumentNullException.ThrowIfNull(bounds);
        ArgumentNullException.ThrowIfNull(label);
        var report = new ExplorationReport();
        var start = opened.Copy();
        Path? prefix = null;
        foreach (var step in script ?? [])
        {
            var move = start.Moves().FirstOrDefault(m => m.ToString() == step && start.IsListed(m))
                ?? throw new InvalidOperationException($"The script's move '{step}' is not on the menu in {label(start)}.");
            if (!start.Take(move))
            {
                throw new InvalidOperationException($"The script's move '{step}' was refused in {label(start)}.");
            }

            prefix = new Path(step, prefix);
        }

        var seen = new HashSet<string> { start.Key };
        var frontier = new List<(TSubject Subject, Path? Path)> { (start, prefix) };
        var atBound = new List<(TSubject Subject, Path? Path)>();
        for (var depth = 0; frontier.Count > 0; depth++)
        {
            var next = new List<(TSubject, Path?)>();
            foreach (var (subject, path) in frontier)
            {
                var successors = Visit(subject, path, report, label);
                if (depth == bounds.Depth)
                {
                    atBound.Add((subject, path));
                    continue;
                }

                foreach (var (child, move) in successors)
                {
                    if (seen.Add(child.Key))
                    {
                        next.Add((child, new Path(move, path)));
                    }
                }
            }

            frontier = next;
        }

        var random = new Random(bounds.Seed);
        for (var walk = 0; walk < bounds.Walks && atBound.Count > 0; walk++)
        {
            var (subject, path) = atBound[random.Next(atBound.Count)];
            for (var step = 0; step < bounds.WalkLength; step++)
            {
                var successors = Visit(subject, path, report, label, quick: !seen.Add(subject.Key));
                if (successors.Count == 0)
                {
                    break;
                }

                // Coverage-guided: a step into a state not reached yet is preferred, otherwise any step.
                var reached = report.Reached[subject.Kind];
                var novel = successors.Where(s => !reached.Contains(label(s.Child))).ToList();
                var (child, move) = novel.Count > 0 ? novel[random.Next(novel.Count)] : successors[random.Next(successors.Count)];
                (subject, path) = (child, new Path(move, path));
            }
        }

        return report;
    }

    // Checks one configuration and returns its successors: the subject after each accepted listed move.
    // A configuration seen before (on a random walk) only yields its successors.
    private static List<(TSubject Child, string Move)> Visit<TSubject>(
        TSubject subject, Path? path, ExplorationReport report, Func<TSubject, string> label, bool quick = false)
        where TSubject : IExplorationSubject<TSubject>
    {
        void Fail(Property property, string detail)
        {
            // One counterexample per property and kind of detail: the first found breadth-first is a shortest.
            var shape = new string(detail.TakeWhile(c => c != ':').ToArray());
            if (!report.Violations.Exists(v => v.Property == property && v.Detail.StartsWith(shape, StringComparison.Ordinal)))
            {
                report.Violations.Add(new Violation(property, detail, Path.Moves(path)));
            }
        }

        var successors = new List<(TSubject, string)>();
        var silentStep = true;
        if (!quick)
        {
            report.Configurations++;
            report.Reached.TryAdd(subject.Kind, []);
            report.Reached[subject.Kind].Add(label(subject));
            foreach (var (property, detail) in subject.Check())
            {
                Fail(property, detail);
            }

            silentStep = CheckSilence(subject, report, Fail);
        }

        var before = subject.Snapshot();
        var progress = false;
        foreach (var move in subject.Moves())
        {
            report.Attempts++;
            if (move.ValidArgument && subject.IsListed(move))
            {
                var child = subject.Copy();
                if (child.Take(move))
                {
                    report.Transitions++;
                    progress |= child.Key != subject.Key; // a message moves nothing on
                    successors.Add((child, move.ToString()));
                }
                else
                {
                    Fail(Property.HonestMenus, $"listed but refused: {move}");
                }

                continue;
            }

            // Not listed, or an invalid argument: refused, and nothing changes. Tried on the configuration itself.
            if (!quick && subject.Take(move))
            {
                Fail(Property.HonestMenus, $"{(move.ValidArgument ? "not listed but accepted" : "invalid argument accepted")}: {move}");
                return successors; // the configuration has changed: stop here
            }
        }

        if (!quick && subject.Snapshot() != before)
        {
            Fail(Property.HonestMenus, "a refused move changed the case");
        }

        if (!quick && !progress && !subject.IsFinished && !silentStep)
        {
            Fail(Property.Progress, $"nobody can move the case: {label(subject)}");
        }

        return successors;
    }

    // Every person goes silent: the deadlines (and the platform's ports) alone must end the case in time.
    // Returns whether a deadline or a port can move the case from here at all.
    private static bool CheckSilence<TSubject>(TSubject subject, ExplorationReport report, Action<Property, string> fail)
        where TSubject : IExplorationSubject<TSubject>
    {
        var silent = subject.Copy();
        var elapsed = TimeSpan.Zero;
        var steps = new List<string>();
        while (!silent.IsFinished)
        {
            if (steps.Count == MaxSilentSteps)
            {
                fail(Property.Termination, $"deadlines alone do not end the case: {string.Join(", ", steps.Take(12))} …");
                return true;
            }

            if (silent.Silence() is not { } step)
            {
                fail(Property.Termination, $"waits for a person with no deadline: {(steps.Count == 0 ? "at once" : "after " + string.Join(", ", steps))}");
                return steps.Count > 0;
            }

            steps.Add(step.Step);
            elapsed += step.Elapsed;
        }

        if (elapsed > subject.SilenceBound)
        {
            fail(Property.Termination, $"the deadlines take {elapsed.TotalDays:0.#} days, past the bound of {subject.SilenceBound.TotalDays:0.#}: {string.Join(", ", steps)}");
        }

        report.LongestSilence[subject.Kind] = report.LongestSilence.TryGetValue(subject.Kind, out var known) && known > elapsed ? known : elapsed;
        return true;
    }

    // The moves from opening, shared between configurations as a linked list (paths are long, memory is not).
    private sealed record Path(string Move, Path? Previous)
    {
        public static IReadOnlyList<string> Moves(Path? path)
        {
            var moves = new List<string>();
            for (var at = path; at is not null; at = at.Previous)
            {
                moves.Add(at.Move);
            }

            moves.Reverse();
            return moves;
        }
    }
}
