#Requires -Version 7.4
# Export-VpcCniSupportBundle against a simulated node: the layout, -Redact, -WhatIf, errors and binding.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    Import-Module (Get-VpcCniTestModulePath) -ErrorAction Stop
    $script:Sim = Start-VpcCniSimulation -Variable @{ WARM_IP_TARGET = 4; CLUSTER_NAME = 'secret-cluster-name' } -ErrorAction Stop
    $script:Config = Join-Path $script:Sim.RunDirectory 'vpc-cni.env'
    # The node writes its checkpoint with the first pod.
    $script:Pod = Add-VpcCniTestPod -IpamSocket $script:Sim.IpamSocket -Name web-1
    $script:Errors = 'errors' + '.txt'

    function Read-Bundle([string] $Path) {
        # Every entry of the archive by its path under the top folder, read with .NET's own tar reader.
        $files = @{}
        $stream = [System.IO.Compression.GZipStream]::new([System.IO.File]::OpenRead($Path), [System.IO.Compression.CompressionMode]::Decompress)
        try {
            $tar = [System.Formats.Tar.TarReader]::new($stream)
            while ($null -ne ($entry = $tar.GetNextEntry())) {
                # An empty entry has no data stream.
                $text = if ($entry.DataStream) { [System.IO.StreamReader]::new($entry.DataStream).ReadToEnd() } else { '' }
                $files[($entry.Name -replace '^[^/]+/', '')] = $text
            }
        }
        finally { $stream.Dispose() }
        return $files
    }
}

AfterAll {
    $script:Sim | Stop-VpcCniSimulation
}

Describe 'Export-VpcCniSupportBundle' -Tag 'Unit' {
    It 'writes every node file in the collector layout, with a manifest and an errors file' {
        $result = $script:Sim | Export-VpcCniSupportBundle (Join-Path $TestDrive 'node.tar.gz') -ConfigPath $script:Config -ErrorAction Stop
        $result.FullName | Should -Exist
        $files = Read-Bundle $result.FullName
        foreach ($name in 'ipamd/enis.json', 'ipamd/pods.json', 'ipamd/eni-configs.json', 'ipamd/ipamd-env-settings.json',
            'ipamd/networkutils-env-settings.json', 'ipamd/metrics.json', 'ipamd/ipam.json', 'system/vpc-cni.env', $script:Errors, 'manifest.json') {
            $files.Keys | Should -Contain $name
        }
        ($files['ipamd/enis.json'] | ConvertFrom-Json -AsHashtable).Count | Should -BeGreaterThan 0
        $files['ipamd/pods.json'] | Should -Match 'web-1'
        $files['ipamd/ipam.json'] | Should -Match ([regex]::Escape("$script:Pod"))
        $files['ipamd/metrics.json'] | Should -Match 'awscni_'
        $files['system/vpc-cni.env'] | Should -Match 'WARM_IP_TARGET=4'
        $result.Files | Should -Contain 'manifest.json'
        $manifest = $files['manifest.json'] | ConvertFrom-Json
        $manifest.entries.path | Should -Contain ('networking/iptables-save' + '.txt')
        # Whatever could not be read (iptables-save needs root here) is a line of the errors file, not a failure.
        foreach ($failed in $manifest.entries | Where-Object status -EQ 'error') {
            $files[$script:Errors] | Should -Match ([regex]::Escape($failed.path))
        }
    }

    It '-Redact masks every environment value but keeps the names' {
        $result = $script:Sim | Export-VpcCniSupportBundle (Join-Path $TestDrive 'redacted.tar.gz') -ConfigPath $script:Config -Redact -ErrorAction Stop
        $files = Read-Bundle $result.FullName
        $result.Redacted | Should -BeTrue
        $files['system/vpc-cni.env'] | Should -Match 'WARM_IP_TARGET=<redacted>'
        $files['system/vpc-cni.env'] | Should -Not -Match 'secret-cluster-name'
        $settings = $files['ipamd/ipamd-env-settings.json'] | ConvertFrom-Json -AsHashtable
        $settings.Keys | Should -Contain 'WARM_IP_TARGET'
        $settings.Values | Sort-Object -Unique | Should -Be '<redacted>'
        $files['ipamd/networkutils-env-settings.json'] | Should -Not -Match 'secret-cluster-name'
    }

    It 'writes into a directory under a generated name' {
        $dir = New-Item -ItemType Directory (Join-Path $TestDrive 'out')
        $result = $script:Sim | Export-VpcCniSupportBundle $dir.FullName -ErrorAction Stop
        $result.Name | Should -Match '^vpc-cni-bundle_.+\.tar\.gz$'
        (Split-Path $result.FullName) | Should -Be $dir.FullName
    }

    It 'still writes the bundle when the node is down, listing what failed' {
        $result = Export-VpcCniSupportBundle (Join-Path $TestDrive 'down.tar.gz') -Endpoint 'unix:/nonexistent/x.sock' -MetricsEndpoint 'unix:/nonexistent/m.sock' -TimeoutSec 1 -ErrorAction Stop
        $result.ErrorCount | Should -BeGreaterThan 5
        (Read-Bundle $result.FullName)[$script:Errors] | Should -Match 'ipamd/enis.json'
    }

    It '-WhatIf writes nothing' {
        $path = Join-Path $TestDrive 'whatif.tar.gz'
        $script:Sim | Export-VpcCniSupportBundle $path -WhatIf
        $path | Should -Not -Exist
    }

    It 'an unwritable path is SupportBundle.OutputNotWritable' {
        $blocker = New-Item (Join-Path $TestDrive 'blocker') -ItemType File -Force
        { Export-VpcCniSupportBundle (Join-Path $blocker.FullName 'x.tar.gz') -Endpoint 'unix:/nonexistent/x.sock' -TimeoutSec 1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'SupportBundle.OutputNotWritable,VpcCni.PowerShell.Commands.ExportVpcCniSupportBundleCommand'
    }

    It 'binds Endpoint, MetricsEndpoint and CheckpointPath by property name' {
        foreach ($name in 'Endpoint', 'MetricsEndpoint', 'CheckpointPath') {
            (Get-VpcCniParameterAttribute Export-VpcCniSupportBundle $name).ValueFromPipelineByPropertyName | Should -BeTrue
        }
        (Get-Command Export-VpcCniSupportBundle).Parameters['CheckpointPath'].Aliases | Should -Contain 'Checkpoint'
    }

    It 'shows the result as a table and completes -Endpoint' {
        $result = $script:Sim | Export-VpcCniSupportBundle (Join-Path $TestDrive 'view.tar.gz') -ErrorAction Stop
        ($result | Format-Table | Out-String -Width 200) | Should -Match 'Redacted'
        $line = 'Export-VpcCniSupportBundle -Endpoint '
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completion.CompletionMatches.CompletionText | Should -Contain 'http://127.0.0.1:61679'
    }
}
