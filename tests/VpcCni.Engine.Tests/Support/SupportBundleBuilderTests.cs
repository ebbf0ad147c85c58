using Microsoft.Extensions.Time.Testing;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Support;

namespace VpcCni.Engine.Tests.Support;

public sealed class SupportBundleBuilderTests
{
    private const string IpRule = "networking/iprule" + SupportBundleBuilder.TextExtension;
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 30, 7, 5, 0, TimeSpan.Zero));

    [Fact]
    public async Task EverySourceLandsUnderOneTopFolderWithAManifestAndAnErrorsFile()
    {
        using var dir = new TempDirectory();
        var result = await new SupportBundleBuilder(Time).WriteAsync(
            [Source("ipamd/enis.json", "{}"), Source(IpRule, "0: from all lookup local")], dir.Path, redact: false, null, CancellationToken.None);

        var files = SupportBundleReader.Read(result.FullName);
        Assert.Equal(Path.Combine(dir.Path, result.RootFolder + ".tar.gz"), result.FullName);
        Assert.StartsWith("vpc-cni-bundle_", result.RootFolder, StringComparison.Ordinal);
        Assert.Equal(
            new[] { "ipamd/enis.json", IpRule, SupportBundleBuilder.ErrorsFile, "manifest.json" }.Select(f => result.RootFolder + "/" + f).Order(),
            files.Keys.Order());
        Assert.Equal(["ipamd/enis.json", IpRule, SupportBundleBuilder.ErrorsFile, "manifest.json"], result.Files);
        Assert.Equal("0: from all lookup local", files[result.RootFolder + "/" + IpRule]);
        Assert.Equal("No errors.\n", files[result.RootFolder + "/" + SupportBundleBuilder.ErrorsFile]);
    }

    [Fact]
    public async Task AFailingSourceIsRecordedInErrorsAndTheManifestAndTheOthersAreStillWritten()
    {
        using var dir = new TempDirectory();
        var sources = new[]
        {
            new SupportBundleSource("system/vpc-cni-node.log", "journalctl --unit vpc-cni-node", _ => throw new InvalidOperationException("journalctl is not installed")),
            new SupportBundleSource("networking/nft-ruleset" + SupportBundleBuilder.TextExtension, "nft list ruleset", _ => throw new SupportBundleSkippedException("nft is not installed")),
            Source("cni/10-aws.conflist", "{\"name\":\"aws-cni\"}"),
        };

        var result = await new SupportBundleBuilder(Time).WriteAsync(sources, dir.File("out.tar.gz"), redact: false, null, CancellationToken.None);

        var files = SupportBundleReader.Read(result.FullName);
        Assert.Equal(1, result.ErrorCount);
        Assert.Contains("system/vpc-cni-node.log (journalctl --unit vpc-cni-node): journalctl is not installed", files[result.RootFolder + "/" + SupportBundleBuilder.ErrorsFile], StringComparison.Ordinal);
        Assert.Contains("\"status\": \"skipped\"", files[result.RootFolder + "/manifest.json"], StringComparison.Ordinal);
        Assert.True(files.ContainsKey(result.RootFolder + "/cni/10-aws.conflist"));
        Assert.False(files.ContainsKey(result.RootFolder + "/system/vpc-cni-node.log"));
    }

    [Fact]
    public async Task SecretsAreMaskedEvenWithoutRedactButEnvironmentValuesOnlyWithIt()
    {
        using var dir = new TempDirectory();
        const string Env = "WARM_IP_TARGET=5\nAWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n# comment\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n";
        const string Log = "GET /latest/meta-data X-aws-ec2-metadata-token: AQAEAFakeToken== then Authorization: Bearer eyJhbGciOi.x.y";
        SupportBundleSource[] sources =
        [
            new("system/vpc-cni.env", "env", _ => Task.FromResult(Env), SupportBundleContent.EnvironmentFile),
            new("ipamd/ipamd-env-settings.json", "settings", _ => Task.FromResult("{\"WARM_IP_TARGET\": 5, \"CLUSTER_NAME\": \"prod\"}"), SupportBundleContent.EnvironmentJson),
            Source("var_log/aws-routed-eni/plugin.log", Log),
        ];

        var plain = SupportBundleReader.Read((await new SupportBundleBuilder(Time).WriteAsync(sources, dir.File("plain.tar.gz"), false, null, CancellationToken.None)).FullName);
        var redacted = SupportBundleReader.Read((await new SupportBundleBuilder(Time).WriteAsync(sources, dir.File("redacted.tar.gz"), true, null, CancellationToken.None)).FullName);

        var plainText = string.Join('\n', plain.Values);
        foreach (var secret in new[] { "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI", "AQAEAFakeToken", "eyJhbGciOi" })
        {
            Assert.DoesNotContain(secret, plainText, StringComparison.Ordinal);
        }

        Assert.Contains("WARM_IP_TARGET=5", plainText, StringComparison.Ordinal);
        var env = redacted.Single(f => f.Key.EndsWith("/system/vpc-cni.env", StringComparison.Ordinal)).Value;
        Assert.Equal("WARM_IP_TARGET=<redacted>\nAWS_ACCESS_KEY_ID=<redacted>\n# comment\nAWS_SECRET_ACCESS_KEY=<redacted>\n", env);
        var settings = redacted.Single(f => f.Key.EndsWith("/ipamd/ipamd-env-settings.json", StringComparison.Ordinal)).Value;
        Assert.Contains("\"CLUSTER_NAME\": \"<redacted>\"", settings, StringComparison.Ordinal);
        Assert.DoesNotContain("prod", settings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProgressIsReportedOncePerSourceAndOnceForTheArchive()
    {
        using var dir = new TempDirectory();
        var steps = new List<SupportBundleProgress>();
        await new SupportBundleBuilder(Time).WriteAsync([Source("a", "a"), Source("b", "b")], dir.Path, false, new SyncProgress(steps.Add), CancellationToken.None);
        Assert.Equal([0, 50, 100], steps.Select(s => s.PercentComplete));
    }

    [Fact]
    public async Task AnUnwritableTargetIsOutputNotWritableAndLeavesNoPartialFile()
    {
        using var dir = new TempDirectory();
        var blocker = dir.File("file");
        await File.WriteAllTextAsync(blocker, "x");
        var error = await Assert.ThrowsAsync<VpcCniException>(() =>
            new SupportBundleBuilder(Time).WriteAsync([Source("a", "a")], Path.Combine(blocker, "bundle.tar.gz"), false, null, CancellationToken.None));
        Assert.Equal(ErrorIds.SupportBundle.OutputNotWritable, error.ErrorId);
        Assert.Equal(["file"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    private static SupportBundleSource Source(string path, string text) => new(path, path, _ => Task.FromResult(text));

    private sealed class SyncProgress(Action<SupportBundleProgress> report) : IProgress<SupportBundleProgress>
    {
        public void Report(SupportBundleProgress value) => report(value);
    }
}
