"""machikurabe (まちくらべ): the logic behind the dashboard — parsing, build, peers, charts, exports — as plain functions."""
