using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Orders;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.EntityFrameworkCore.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.EntityFrameworkCore.Tests.Application;

/// <summary>
/// Files a request or an action names are checked before it is taken: each exists, is the caller's upload, is
/// not another request's and has a type its use allows; its SHA-256 goes into the event, and the store attaches
/// it to the dispute in the same transaction. Uploads no request took are swept after their lifetime.
/// </summary>
public class AttachmentTests
{
    private static OpenDispute RepairWith(string? proof, IReadOnlyList<string>? media = null, IReadOnlyList<string>? evidence = null) =>
        new("order-1", Request(RequestKind.Repair, RequestReason.Defective, repair: RouterRepair() with { ProofOfPurchaseId = proof, MediaIds = media ?? [] })
            with { EvidenceIds = evidence });

    private static async Task<TestHost> StartAsync(string provider)
    {
        var host = await TestHost.StartAsync(provider, now: Delivered.AddDays(3));
        await host.SendAsync(new RegisterOrder(RouterOrder()));
        return host;
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task FilesUploadedBeforeTheRequest_AreNamedAtOpening_HashedIntoItsEvent_AndBecomeTheDisputes(string provider)
    {
        await using var host = await StartAsync(provider);
        var invoice = await host.UploadAsync(Party.Buyer, Buyer, "application/pdf");
        var video = await host.UploadAsync(Party.Buyer, Buyer, "video/mp4");

        var opened = await host.DoAsync(RepairWith(invoice, [video]));

        var files = opened.Events.Single().Data!.Files;
        files.Should().HaveCount(2);
        files!.Select(f => f.Id).Should().Equal(invoice, video);
        files[0].Sha256.Should().HaveLength(64);
        files[0].ContentType.Should().Be("application/pdf");
        opened.Dispute!.RepairFile!.WarrantyCovered.Should().BeTrue("the proof of purchase is attached");
        (await host.WithEvidenceAsync(s => s.ForDisputeAsync("dispute-1", CancellationToken.None))).Select(f => f.Id).Should().BeEquivalentTo([invoice, video]);
        var stored = await host.SendAsync(new GetTimeline("dispute-1"));
        stored!.Single().Data!.Files.Should().BeEquivalentTo(files, "the hashes are kept with the event");
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task AnotherBuyersUpload_OrAnUnknownId_IsRefusedAlike_AndNothingOpens(string provider)
    {
        await using var host = await StartAsync(provider);
        var theirs = await host.UploadAsync(Party.Buyer, OtherBuyer, "application/pdf");

        var foreign = await host.SendAsync(RepairWith(theirs));
        var unknown = await host.SendAsync(RepairWith("ev_nothing_here"));

        foreign.Status.Should().Be(CommandStatus.Refused);
        foreign.Refusal!.Should().Be(new DisputeRefusal(DisputeRefusalCode.InvalidInput,
            $"File {theirs} is not one of your uploads: upload it first, then name the id its upload returned.", []));
        unknown.Refusal!.Message.Should().Be("File ev_nothing_here is not one of your uploads: upload it first, then name the id its upload returned.");
        (await host.SendAsync(new GetDispute("dispute-1"))).Should().BeNull();
        (await host.WithEvidenceAsync(s => s.FindAsync(theirs, CancellationToken.None)))!.DisputeId.Should().BeNull();
    }

    [SkippableFact]
    public async Task AFileOfAnotherRequest_OrOfTheWrongType_IsRefused()
    {
        await using var host = await StartAsync("sqlite");
        await host.SendAsync(new RegisterOrder(RouterOrder(orderId: "order-2")));
        var photo = await host.UploadAsync(Party.Buyer, Buyer);
        await host.DoAsync(new OpenDispute("order-2", Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399), disputeId: "dispute-0") with { EvidenceIds = [photo] }));
        var pdf = await host.UploadAsync(Party.Buyer, Buyer, "application/pdf");

        (await host.SendAsync(RepairWith(null, evidence: [photo]))).Refusal!.Message.Should().Be($"File {photo} belongs to another request.");
        (await host.SendAsync(RepairWith(null, media: [pdf]))).Refusal!.Message
            .Should().Be($"File {pdf} is application/pdf, but photos or video of a fault are images or videos.");
        (await host.SendAsync(RepairWith(" "))).Refusal!.Message.Should().Be("A file id is empty: name each uploaded file by the id its upload returned.");
    }

    [SkippableFact]
    public async Task Evidence_NamesOnlyTheSubmittersOwnFiles_AndTheEventKeepsTheirHashes()
    {
        await using var host = await StartAsync("sqlite");
        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399))));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Seller(Flagship), DisputeAction.Reject, new RejectionReason("item-as-described")));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Buyer(Buyer), DisputeAction.Escalate, new EscalationRequest("It is broken")));
        var buyersPhoto = await host.UploadAsync(Party.Buyer, Buyer, disputeId: "dispute-1");
        var sellersLog = await host.UploadAsync(Party.Seller, Flagship, "application/pdf", disputeId: "dispute-1");

        var borrowed = await host.SendAsync(new TakeDisputeAction("dispute-1", Actor.Seller(Flagship), DisputeAction.SubmitEvidence,
            new EvidenceSubmission("Their photo shows nothing", [buyersPhoto])));
        var own = await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Seller(Flagship), DisputeAction.SubmitEvidence,
            new EvidenceSubmission("Bench log", [sellersLog]) { Files = [new AttachedFile(sellersLog, "forged", "image/png")] }));

        borrowed.Refusal!.Message.Should().StartWith($"File {buyersPhoto} is not one of your uploads");
        borrowed.Dispute!.Version.Should().Be(3, "nothing was recorded");
        own.Events.Single().Data!.Files.Should().ContainSingle().Which.Should().Be(new AttachedFile(sellersLog, new string('a', 62) + sellersLog[^2..], "application/pdf"),
            "what the caller put in the details is replaced by what the store recorded");
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task UploadsNoRequestTook_AreRemovedAfterTheirLifetime_OthersAreKept(string provider)
    {
        await using var host = await StartAsync(provider);
        var old = await host.UploadAsync(Party.Buyer, Buyer, at: host.Clock.GetUtcNow().AddDays(-2));
        var fresh = await host.UploadAsync(Party.Buyer, Buyer);
        var used = await host.UploadAsync(Party.Buyer, Buyer, at: host.Clock.GetUtcNow().AddDays(-2));
        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399)) with { EvidenceIds = [used] }));

        var removed = await host.WithEvidenceAsync(s => s.RemoveUnattachedAsync(host.Clock.GetUtcNow().AddDays(-1), CancellationToken.None));

        removed.Should().Equal(old);
        (await host.QueryAsync(db => db.EvidenceFiles.Select(f => f.Id).ToListAsync())).Should().BeEquivalentTo([fresh, used]);
    }
}
