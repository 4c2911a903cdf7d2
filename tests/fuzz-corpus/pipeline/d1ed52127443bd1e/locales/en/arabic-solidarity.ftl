_¨Œ
## English text of the Arabic-speaking community's Peru leafle