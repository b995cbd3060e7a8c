using System.Text;

namespace AfterSales.Disputes.Flows;

/// <summary>
/// Writes a flow definition as a Mermaid state diagram or a Graphviz DOT digraph. Both list states in
/// declaration order and edges in the order actions were permitted, so the text is stable and can be
/// committed and compared.
/// </summary>
internal static class FlowGraphWriter
{
    public static string Mermaid<TState, TAction, TParty, TContext>(FlowDefinition<TState, TAction, TParty, TContext> flow, FlowDiagramOptions options)
        where TState : struct, Enum
        where TAction : struct, Enum
        where TParty : struct, Enum
    {
        var text = new StringBuilder();
        text.Append("---\ntitle: ").Append(flow.Id).Append(" v").Append(flow.Version).Append("\n---\n");
        text.Append("stateDiagram-v2\n");
        text.Append("    [*] --> ").Append(flow.Initial).Append('\n');
        foreach (var state in flow.States)
        {
            if (state.Deadline is { } deadline)
            {
                text.Append("    ").Append(state.State).Append(" : ")
                    .Append(MermaidEscape(DeadlineText(deadline.Label, deadline.ExpiresWith))).Append('\n');
            }
        }

        foreach (var state in flow.States)
        {
            foreach (var transition in state.Transitions.Where(t => options.IncludeInternalActions || !t.IsInternal))
            {
                foreach (var branch in transition.Branches)
                {
                    text.Append("    ").Append(transition.Source).Append(" --> ").Append(branch.Target)
                        .Append(" : ").Append(MermaidEscape(EdgeLabel(flow, state, transition, branch, " "))).Append('\n');
                }
            }
        }

        foreach (var state in flow.States.Where(s => s.IsTerminal))
        {
            text.Append("    ").Append(state.State).Append(" --> [*]\n");
        }

        return text.ToString();
    }

    public static string Markdown<TState, TAction, TParty, TContext>(FlowDefinition<TState, TAction, TParty, TContext> flow)
        where TState : struct, Enum
        where TAction : struct, Enum
        where TParty : struct, Enum
    {
        var text = new StringBuilder();
        text.Append("# ").Append(flow.Id).Append(" v").Append(flow.Version).Append("\n\n");
        text.Append("```mermaid\n").Append(Mermaid(flow, new FlowDiagramOptions(IncludeInternalActions: false))).Append("```\n");
        var internalActions = flow.States.SelectMany(s => s.Transitions).Where(t => t.IsInternal).ToList();
        if (internalActions.Count > 0)
        {
            text.Append("\nActions that stay in their step (not drawn above):\n\n");
            text.Append("| step | action | by | when |\n|---|---|---|---|\n");
            foreach (var transition in internalActions)
            {
                var guards = transition.Guards.Select(g => g.Label).Concat(transition.ArgumentGuardLabels).ToList();
                text.Append("| ").Append(transition.Source).Append(" | ").Append(transition.Action)
                    .Append(" | ").Append(Parties<TParty>.Names(transition.AllowedParties, ", "))
                    .Append(" | ").Append(guards.Count == 0 ? "always" : string.Join("; ", guards)).Append(" |\n");
            }
        }

        return text.ToString();
    }

    public static string Dot<TState, TAction, TParty, TContext>(FlowDefinition<TState, TAction, TParty, TContext> flow, FlowDiagramOptions options)
        where TState : struct, Enum
        where TAction : struct, Enum
        where TParty : struct, Enum
    {
        var text = new StringBuilder();
        text.Append("digraph ").Append(DotQuote($"{flow.Id} v{flow.Version}")).Append(" {\n");
        text.Append("    rankdir=LR;\n");
        text.Append("    node [shape=box, style=rounded];\n");
        text.Append("    \"[*]\" [shape=point];\n");
        text.Append("    \"[*]\" -> ").Append(DotQuote(flow.Initial.ToString())).Append(";\n");
        foreach (var state in flow.States)
        {
            var attributes = new List<string>();
            if (state.Deadline is { } deadline)
            {
                attributes.Add("label=" + DotQuote($"{state.State}\n{DeadlineText(deadline.Label, deadline.ExpiresWith)}"));
            }

            if (state.IsTerminal)
            {
                attributes.Add("peripheries=2");
            }

            if (attributes.Count > 0)
            {
                text.Append("    ").Append(DotQuote(state.State.ToString()))
                    .Append(" [").AppendJoin(", ", attributes).Append("];\n");
            }
        }

        foreach (var state in flow.States)
        {
            foreach (var transition in state.Transitions.Where(t => options.IncludeInternalActions || !t.IsInternal))
            {
                foreach (var branch in transition.Branches)
                {
                    text.Append("    ").Append(DotQuote(transition.Source.ToString())).Append(" -> ")
                        .Append(DotQuote(branch.Target.ToString()))
                        .Append(" [label=").Append(DotQuote(EdgeLabel(flow, state, transition, branch, "\n")));
                    if (IsExpiry(state, transition))
                    {
                        text.Append(", style=dashed");
                    }

                    text.Append("];\n");
                }
            }
        }

        text.Append("}\n");
        return text.ToString();
    }

    // "Reject(RejectReason) by Seller [a reason code is given]", "AutoApprove by System on deadline",
    // "AcceptOffer by Buyer [when the offer keeps the item]".
    private static string EdgeLabel<TState, TAction, TParty, TContext>(
        FlowDefinition<TState, TAction, TParty, TContext> flow,
        StateRule<TState, TAction, TParty, TContext> state,
        TransitionRule<TState, TAction, TParty, TContext> transition,
        Branch<TState, TContext> branch,
        string guardSeparator)
        where TState : struct, Enum
        where TAction : struct, Enum
        where TParty : struct, Enum
    {
        var label = new StringBuilder(transition.Action.ToString());
        if (flow.ArgumentTypes.TryGetValue(transition.Action, out var argumentType))
        {
            label.Append('(').Append(argumentType.Name).Append(')');
        }

        label.Append(" by ").Append(Parties<TParty>.Names(transition.AllowedParties));
        if (IsExpiry(state, transition))
        {
            label.Append(" on deadline");
        }

        if (transition.IsInternal)
        {
            label.Append(" (internal)");
        }

        foreach (var guard in transition.Guards.Select(g => g.Label).Concat(transition.ArgumentGuardLabels))
        {
            label.Append(guardSeparator).Append('[').Append(guard).Append(']');
        }

        if (transition.IsDynamic)
        {
            label.Append(guardSeparator).Append('[').Append(branch.Label is null ? "otherwise" : "when " + branch.Label).Append(']');
        }

        return label.ToString();
    }

    private static bool IsExpiry<TState, TAction, TParty, TContext>(
        StateRule<TState, TAction, TParty, TContext> state, TransitionRule<TState, TAction, TParty, TContext> transition)
        where TState : struct, Enum
        where TAction : struct, Enum
        where TParty : struct, Enum =>
        state.Deadline is { } deadline && EqualityComparer<TAction>.Default.Equals(deadline.ExpiresWith, transition.Action);

    private static string DeadlineText<TAction>(string label, TAction expiresWith) =>
        $"deadline {label}, then {expiresWith}";

    // Mermaid ends a label at ';' and reads '#' as the start of an entity: write both (and ':') as entity codes.
    private static string MermaidEscape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = c switch
            {
                '#' => escaped.Append("#35;"),
                ';' => escaped.Append("#59;"),
                ':' => escaped.Append("#58;"),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    private static string DotQuote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
