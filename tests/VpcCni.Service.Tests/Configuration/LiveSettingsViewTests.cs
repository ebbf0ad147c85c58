using Microsoft.Extensions.Configuration;
using VpcCni.Engine.Configuration;
using VpcCni.Service.Configuration;

namespace VpcCni.Service.Tests.Configuration;

public sealed class LiveSettingsViewTests
{
    [Fact]
    public void ListsEveryVariableTheEngineAppliesLiveAndNoOther()
    {
        var live = ConfigurationVariables.All.Where(v => v.AppliesLive).Select(v => v.Name).Order(StringComparer.Ordinal);

        Assert.Equal(live, LiveSettingsView.Of(Bind([])).Keys);
    }

    [Fact]
    public void ChangesNameOnlyTheLiveVariablesThatDifferWithOldAndNewText()
    {
        var before = Bind(new() { ["WARM_IP_TARGET"] = "1", ["IP_COOLDOWN_PERIOD"] = "30", ["AWS_VPC_K8S_CNI_VETHPREFIX"] = "eni" });
        var after = Bind(new() { ["WARM_IP_TARGET"] = "5", ["IP_COOLDOWN_PERIOD"] = "30", ["AWS_VPC_K8S_CNI_VETHPREFIX"] = "veth" });

        var change = Assert.Single(LiveSettingsView.Changes(before, after));

        Assert.Equal(("WARM_IP_TARGET", "1", "5"), change);
    }

    private static VpcCniSettings Bind(Dictionary<string, string?> values) =>
        VpcCniSettingsBinder.Bind(new ConfigurationBuilder().AddInMemoryCollection(values).Build()).Settings;
}
