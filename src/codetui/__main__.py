from codetui.cli import main

raise SystemExit(main())
