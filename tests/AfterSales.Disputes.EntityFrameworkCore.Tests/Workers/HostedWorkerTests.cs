using AfterSales.Disputes.Application;
using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Orders;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.EntityFrameworkCore.Tests.Support;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.EntityFrameworkCore.Tests.Workers;

public class HostedWorkerTests
{
    [SkippableFact]
    public async Task TheHostedWorker_FiresDueDeadlinesOnItsOwn_WhileTheHostRuns()
    {
        await using var database = new SqliteTestDatabase();
        var clock = new FakeTimeProvider(Delivered.AddDays(2));
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAfterSalesDisputes(o =>
        {
            database.Configure(o);
            o.Options.PollInterval = TimeSpan.FromSeconds(1);
            o.Policies.AddRegion(Policies.JurisdictionPacks.China, China).AddStore(FlagshipPolicy);
        });
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        using var host = builder.Build();
        await host.Services.MigrateAfterSalesDatabaseAsync();
        await host.StartAsync();

        IMediator Mediator(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<IMediator>();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await Mediator(scope).Send(new RegisterOrder(RouterOrder()));
            (await Mediator(scope).Send(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399))))).Status
                .Should().Be(CommandStatus.Succeeded);
        }

        clock.Advance(TimeSpan.FromDays(5));
        var state = DisputeState.AwaitingSellerResponse;
        for (var waited = 0; waited < 100 && state == DisputeState.AwaitingSellerResponse; waited++)
        {
            clock.Advance(TimeSpan.FromSeconds(1)); // wakes the worker's poll delay
            await Task.Delay(50);
            await using var scope = host.Services.CreateAsyncScope();
            state = (await Mediator(scope).Send(new GetDispute("dispute-1")))!.State;
        }

        await host.StopAsync();
        state.Should().Be(DisputeState.AwaitingReturnShipment);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.5)]
    [InlineData(1.5)]
    public async Task AWorkerShareOutsideZeroToOne_IsRefusedWhenTheEngineIsAdded_WithTheSettingNamed(double share)
    {
        await using var database = new SqliteTestDatabase();
        var builder = Host.CreateApplicationBuilder();

        var add = () => builder.Services.AddAfterSalesDisputes(o =>
        {
            database.Configure(o);
            o.Options.WorkerShare = share;
        });

        add.Should().Throw<ArgumentException>().WithMessage("*WorkerShare must be above 0 and at most 1*");
    }
}
