# comment before the armor
-----BEGIN PRIVATE KEY-----
MIGTAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBHkwdwIBAQQgH+8ifFb7IJP+cYlj
j0tt2ak5vacXtUh0Rb5eVGJpc52gCgYIKoZIzj0DAQehRANCAARXiNzlPP0mEWPf
sufcq9OiI51ex1C4Hwotvc0GiiyJGnXlSDRTCa+sfMWsEGEZGRI+JpcPa8wBuYim
AHv97lPl
-----END PRIVATE KEY-----
trailing text
