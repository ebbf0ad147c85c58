namespace VpcCni.Engine.Support;

/// <summary>What a bundle file holds, which decides what <c>-Redact</c> does to it (docs/support-bundle.md, "Redaction").</summary>
public enum SupportBundleContent
{
    /// <summary>Logs, command output, JSON state: only secret-looking text is masked.</summary>
    Text,

    /// <summary>An environment file (<c>NAME=value</c> lines, systemd.exec(5) <c>EnvironmentFile=</c>): with -Redact every value is masked.</summary>
    EnvironmentFile,

    /// <summary>A JSON object of variable names to values (<c>/v1/ipamd-env-settings</c>): with -Redact every value is masked.</summary>
    EnvironmentJson,
}
