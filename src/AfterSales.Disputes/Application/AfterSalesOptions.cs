namespace AfterSales.Disputes.Application;

/// <summary>How the engine's background work behaves.</summary>
public sealed class AfterSalesOptions
{
    /// <summary>Whether the host runs the deadline, outbox and webhook workers (default true).</summary>
    public bool RunWorkers { get; set; } = true;

    /// <summary>How long the worker waits when it found nothing to do (default 1 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The share of time the worker may spend working while it has a backlog (default 0.35): after a round that did
    /// work it rests in proportion, leaving the rest of the host's CPU and database to the requests it answers.
    /// 1 works without rest. Must be above 0 and at most 1.
    /// </summary>
    public double WorkerShare { get; set; } = 0.35;

    /// <summary>
    /// How many due deadlines one worker claims and fires at a time, in one transaction (default 10). Larger batches
    /// drain a backlog faster but hold SQLite's one writer longer, which requests answered meanwhile wait for (10 was
    /// chosen with the timer-storm drill: 25 kept the sellers' p99 during a storm above twice its calm value).
    /// </summary>
    public int DeadlineBatchSize { get; set; } = 10;

    /// <summary>How long a claimed deadline is left to its worker before others may take it (default 30 s).</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many outbox messages or webhook deliveries are claimed at a time (default 25); an outbox batch fans out
    /// in one transaction, which holds SQLite's one writer as a deadline batch does.
    /// </summary>
    public int OutboxBatchSize { get; set; } = 25;

    /// <summary>After how many failed attempts a webhook delivery is dead-lettered (default 8).</summary>
    public int WebhookMaxAttempts { get; set; } = 8;

    /// <summary>The delay before the first retry; each further retry doubles it, with jitter (default 10 s).</summary>
    public TimeSpan WebhookFirstRetry { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest delay between retries (default 1 h).</summary>
    public TimeSpan WebhookMaxRetry { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a receiver has to answer (default 10 s).</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The clock webhook signatures are stamped with (default: the engine's <see cref="TimeProvider"/>). A receiver
    /// holds a signature's age to its own clock, so a host whose business time runs ahead of the real time (a
    /// sandbox's test clock) sets <see cref="TimeProvider.System"/> here.
    /// </summary>
    public TimeProvider? WebhookSigningClock { get; set; }

    /// <summary>
    /// Whether webhooks may go to this machine's loopback addresses, over http too (default false: https to public
    /// addresses only, <see cref="Webhooks.WebhookTargets"/>). For development and tests with a local receiver.
    /// </summary>
    public bool WebhookLoopbackAllowed { get; set; }

    /// <summary>How long a rotated-out webhook secret still signs deliveries, beside the new one (default 24 h).</summary>
    public TimeSpan WebhookSecretOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the worker counts the deadlines due and the outbox messages pending, for the metrics (default 15 s).</summary>
    public TimeSpan BacklogSampleInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The delay before an outbox message whose dispatch failed (gateway down) is tried again (default 30 s).</summary>
    public TimeSpan OutboxRetry { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often a host reads the marketplace's stored configuration for changes other hosts made (default 5 s); a change
    /// made through this host applies here at once.
    /// </summary>
    public TimeSpan MarketplaceRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often the worker checks whether an assessment period ended (default 1 min); the store assessment itself runs
    /// once per period, at the first check after it ended.
    /// </summary>
    public TimeSpan AssessmentCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// What is wrong with these options, each naming its member (<c>WorkerShare must be above 0 and at most 1</c>);
    /// empty when they can run. A host checks them at start, so a bad setting stops it with the reason.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void AtLeast(string name, long value, long least)
        {
            if (value < least)
            {
                problems.Add($"{name} must be at least {least} (it is {value}).");
            }
        }

        void Positive(string name, TimeSpan value)
        {
            if (value <= TimeSpan.Zero)
            {
                problems.Add($"{name} must be a positive duration (it is {value}).");
            }
        }

        if (WorkerShare is not (> 0 and <= 1))
        {
            problems.Add($"{nameof(WorkerShare)} must be above 0 and at most 1 (it is {WorkerShare}).");
        }

        AtLeast(nameof(DeadlineBatchSize), DeadlineBatchSize, 1);
        AtLeast(nameof(OutboxBatchSize), OutboxBatchSize, 1);
        AtLeast(nameof(WebhookMaxAttempts), WebhookMaxAttempts, 1);
        Positive(nameof(PollInterval), PollInterval);
        Positive(nameof(AssessmentCheckInterval), AssessmentCheckInterval);
        Positive(nameof(ClaimLease), ClaimLease);
        Positive(nameof(WebhookFirstRetry), WebhookFirstRetry);
        Positive(nameof(WebhookMaxRetry), WebhookMaxRetry);
        Positive(nameof(WebhookTimeout), WebhookTimeout);
        Positive(nameof(OutboxRetry), OutboxRetry);
        Positive(nameof(MarketplaceRefreshInterval), MarketplaceRefreshInterval);
        if (WebhookSecretOverlap < TimeSpan.Zero)
        {
            problems.Add($"{nameof(WebhookSecretOverlap)} must not be negative (it is {WebhookSecretOverlap}).");
        }

        if (BacklogSampleInterval < TimeSpan.Zero)
        {
            problems.Add($"{nameof(BacklogSampleInterval)} must not be negative (it is {BacklogSampleInterval}).");
        }

        if (WebhookTimeout >= ClaimLease)
        {
            problems.Add($"{nameof(WebhookTimeout)} ({WebhookTimeout}) must be shorter than {nameof(ClaimLease)} ({ClaimLease}), or another worker claims a delivery still being sent.");
        }

        return problems;
    }
}
